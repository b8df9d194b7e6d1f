using EdgeNode.Protocol.Catalogue;
using EdgeNode.Protocol.Codec;
using EdgeNode.Protocol.Messages;

namespace EdgeNode.EndToEnd.Benchmarks.Ingest;

/// <summary>
/// Pre-encoded <c>up/batch</c> payloads shaped like a five-sensor node's backlog: a day of 96 fifteen-minute windows per
/// batch, each with 9 environmental metrics over 4 sensors and a traffic window (10 metric-windows per window, 960 per
/// batch). Values wander like real readings (seeded per node), so DEFLATE compresses them as it would real ones.
/// </summary>
internal static class BacklogBatches
{
    public const int WindowsPerBatch = 96;
    public const int RowsPerWindow = 10;
    public const int RowsPerBatch = WindowsPerBatch * RowsPerWindow;

    private static readonly DateTimeOffset FirstDay = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static string NodeId(int node) => $"bench-{node:D4}";

    /// <summary>The node's <paramref name="day"/>th day of backlog, batch id = day + 1.</summary>
    public static byte[] Encode(int node, int day)
    {
        var random = new Random(node * 7919 + day);
        double temperature = 8 + random.NextDouble() * 10, humidity = 60 + random.NextDouble() * 30, pressure = 1000 + random.NextDouble() * 25;
        double co2 = 420 + random.NextDouble() * 40, pm25 = 5 + random.NextDouble() * 10, no2 = 10 + random.NextDouble() * 20;
        var windows = new List<WireWindow>(WindowsPerBatch);
        for (int w = 0; w < WindowsPerBatch; w++)
        {
            temperature += random.NextDouble() * 0.4 - 0.2;
            humidity = Math.Clamp(humidity + random.NextDouble() * 2 - 1, 5, 98);
            pressure += random.NextDouble() * 0.2 - 0.1;
            co2 = Math.Max(400, co2 + random.NextDouble() * 6 - 3);
            pm25 = Math.Max(1, pm25 + random.NextDouble() * 1.2 - 0.6);
            no2 = Math.Max(1, no2 + random.NextDouble() * 3 - 1.5);
            int cars = random.Next(0, 120);
            int[] histogram = new int[WireTrafficWindow.BinCount];
            for (int c = 0; c < cars; c++)
            {
                histogram[Math.Min(15, 2 + random.Next(0, 5) + random.Next(0, 3))]++;
            }
            windows.Add(new WireWindow(FirstDay.AddDays(day).AddMinutes(15 * w), 900, WireTimeQuality.Synchronised, false, 3,
            [
                new WireSensorWindow("bme280", 1.0,
                [
                    Summary(MetricCatalogue.Temperature, 180, temperature, 0.3, random),
                    Summary(MetricCatalogue.RelativeHumidity, 180, humidity, 1.5, random),
                    Summary(MetricCatalogue.Pressure, 180, pressure, 0.1, random),
                ], 0, null),
                new WireSensorWindow("scd4x", 1.0, [Summary(MetricCatalogue.Co2, 180, co2, 8, random)], 0, null),
                new WireSensorWindow("sds011", 0.5, [Summary(MetricCatalogue.Pm25, 18, pm25, 2, random), Summary(MetricCatalogue.Pm10, 18, pm25 * 1.6, 3, random)], 0, null),
                new WireSensorWindow("pms5003", 0.5,
                [
                    Summary(MetricCatalogue.Pm1, 18, pm25 * 0.6, 1, random),
                    Summary(MetricCatalogue.Pm25, 18, pm25 * 0.95, 2, random),
                    Summary(MetricCatalogue.Pm10, 18, pm25 * 1.5, 3, random),
                ], 0, null),
            ],
            new WireTrafficWindow("ops243", cars / 2, cars - cars / 2, histogram, cars == 0 ? null : Math.Round(45 + random.NextDouble() * 20, 1))));
            // Nine environmental metrics + one traffic window: RowsPerWindow = 10.
        }
        return EdgeCodec.Encode(new WindowBatch(NodeId(node), (ulong)day + 1, windows, [], [], []));
    }

    private static WireMetricSummary Summary(WireMetric metric, int count, double mean, double spread, Random random)
    {
        // Concentrations are never negative: a minimum below zero is refused by the fleet (and would be a dead letter).
        double minimum = Math.Max(0, mean - random.NextDouble() * spread), maximum = mean + random.NextDouble() * spread;
        double last = minimum + random.NextDouble() * (maximum - minimum);
        return new WireMetricSummary(metric, count, mean, minimum, maximum, last);
    }
}

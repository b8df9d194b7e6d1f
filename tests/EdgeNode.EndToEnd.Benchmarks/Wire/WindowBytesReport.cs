using EdgeNode.Protocol.Catalogue;
using EdgeNode.Protocol.Codec;
using EdgeNode.Protocol.Messages;

namespace EdgeNode.EndToEnd.Benchmarks.Wire;

/// <summary>
/// What one window costs in an <c>up/batch</c> payload, by sensor set and batch size, encoded by the node's own encoder
/// (<see cref="EdgeCodec"/>, which compresses a body of 96 bytes or more when that pays, as the node does). Windows are
/// 15 minutes, synchronised, calibrated, with readings that wander like real ones (seeded, so every run prints the same).
/// Only the payload is counted: MQTT's framing and topic (about 25 bytes a batch) and TLS come on top, once per batch.
/// </summary>
internal static class WindowBytesReport
{
    private const string Node = "mairie-12";

    /// <summary>One window (a sync right after it closed), an hour at the default 15-minute window and hourly sync,
    /// and a day: the node's default batch ceiling (Uplink:MaxWindowsPerBatch = 96) while it drains a backlog.</summary>
    private static readonly int[] BatchSizes = [1, 4, 96];

    private static readonly (string Label, string[] Sensors)[] SensorSets =
    [
        ("default kit: bme280, scd4x, sds011, pms5003, ops243 (9 metrics + traffic)",
            [SensorCatalogue.Bme280, SensorCatalogue.Scd4x, SensorCatalogue.Sds011, SensorCatalogue.Pms5003, SensorCatalogue.Ops243]),
        ("bme280 only (3 metrics)", [SensorCatalogue.Bme280]),
    ];

    public static void Run(TextWriter output)
    {
        output.WriteLine("| sensors | windows a batch | batch payload, bytes | encoding | bytes a window |");
        output.WriteLine("|---|---|---|---|---|");
        foreach ((string label, string[] sensors) in SensorSets)
        {
            foreach (int size in BatchSizes)
            {
                // Eight batches from different days, so that one lucky set of readings does not make the figure.
                const int Samples = 8;
                long total = 0;
                bool compressed = false;
                for (int day = 0; day < Samples; day++)
                {
                    byte[] payload = EdgeCodec.Encode(new WindowBatch(Node, (ulong)(1_000 + day), Windows(sensors, size, seed: day), [], [], []));
                    compressed |= payload[2] == 1;
                    total += payload.Length;
                }
                double perBatch = (double)total / Samples;
                output.WriteLine($"| {label} | {size} | {perBatch:F0} | {(compressed ? "raw DEFLATE" : "plain")} | **{perBatch / size:F0}** |");
            }
        }
    }

    private static List<WireWindow> Windows(string[] sensors, int count, int seed)
    {
        var random = new Random(seed);
        DateTimeOffset start = new DateTimeOffset(2026, 11, 2, 0, 0, 0, TimeSpan.Zero).AddDays(seed);
        double temperature = 8 + random.NextDouble() * 10, humidity = 60 + random.NextDouble() * 30, pressure = 1000 + random.NextDouble() * 25;
        double co2 = 420 + random.NextDouble() * 40, pm25 = 5 + random.NextDouble() * 10;
        var windows = new List<WireWindow>(count);
        for (int w = 0; w < count; w++)
        {
            temperature += random.NextDouble() * 0.4 - 0.2;
            humidity = Math.Clamp(humidity + random.NextDouble() * 2 - 1, 5, 98);
            pressure += random.NextDouble() * 0.2 - 0.1;
            co2 = Math.Max(400, co2 + random.NextDouble() * 6 - 3);
            pm25 = Math.Max(1, pm25 + random.NextDouble() * 1.2 - 0.6);
            // Every-minute sensors take 15 samples a window, the duty-cycled particle sensors about 24: under 128 either
            // way, so one varint byte; the exact count does not change the size.
            var environmental = new List<WireSensorWindow>();
            foreach (string sensor in sensors)
            {
                IReadOnlyList<WireMetricSummary>? metrics = sensor switch
                {
                    SensorCatalogue.Bme280 =>
                    [
                        Summary(MetricCatalogue.Temperature, 15, temperature, 0.3, random),
                        Summary(MetricCatalogue.RelativeHumidity, 15, humidity, 1.5, random),
                        Summary(MetricCatalogue.Pressure, 15, pressure, 0.1, random),
                    ],
                    SensorCatalogue.Scd4x => [Summary(MetricCatalogue.Co2, 15, co2, 8, random)],
                    SensorCatalogue.Sds011 => [Summary(MetricCatalogue.Pm25, 24, pm25, 2, random), Summary(MetricCatalogue.Pm10, 24, pm25 * 1.6, 3, random)],
                    SensorCatalogue.Pms5003 =>
                    [
                        Summary(MetricCatalogue.Pm1, 24, pm25 * 0.6, 1, random),
                        Summary(MetricCatalogue.Pm25, 24, pm25 * 0.95, 2, random),
                        Summary(MetricCatalogue.Pm10, 24, pm25 * 1.5, 3, random),
                    ],
                    _ => null,
                };
                if (metrics is not null)
                {
                    environmental.Add(new WireSensorWindow(sensor, 1.0, metrics, 0, null));
                }
            }
            windows.Add(new WireWindow(start.AddMinutes(15 * w), 900, WireTimeQuality.Synchronised, false, 3, environmental,
                sensors.Contains(SensorCatalogue.Ops243) ? Traffic(random) : null));
        }
        return windows;
    }

    private static WireTrafficWindow Traffic(Random random)
    {
        int cars = random.Next(0, 120);
        int[] histogram = new int[WireTrafficWindow.BinCount];
        for (int c = 0; c < cars; c++)
        {
            histogram[Math.Min(15, 2 + random.Next(0, 5) + random.Next(0, 3))]++;
        }
        return new WireTrafficWindow(SensorCatalogue.Ops243, cars / 2, cars - cars / 2, histogram, cars == 0 ? null : Math.Round(45 + random.NextDouble() * 20, 1));
    }

    private static WireMetricSummary Summary(WireMetric metric, int count, double mean, double spread, Random random)
    {
        double minimum = Math.Max(0, mean - random.NextDouble() * spread), maximum = mean + random.NextDouble() * spread;
        double last = minimum + random.NextDouble() * (maximum - minimum);
        return new WireMetricSummary(metric, count, mean, minimum, maximum, last);
    }
}

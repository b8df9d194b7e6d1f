using EdgeNode.Fleet.Storage;

namespace EdgeNode.Fleet.Tests.Support;

/// <summary>Rows shaped like what nodes send, with every field set to something a mix-up would show.</summary>
internal static class Rows
{
    /// <summary>A window start on a quarter hour, given with a +02:00 offset on purpose: the stores must read it back in UTC.</summary>
    public static readonly DateTimeOffset Start = new(2025, 6, 1, 10, 15, 0, TimeSpan.FromHours(2));

    public static MetricWindowRow Metric(string node = "node-001", string sensor = "sds011", string metric = "pm25", int window = 0, double mean = 12.5) =>
        new(node, sensor, metric, Start.AddMinutes(15 * window), 900, TimeQuality: 1, Partial: true, Count: 30, mean, Minimum: -3.25e-7, Maximum: 1e300,
            Last: 0.1, Coverage: 0.875, Faults: 2, LastFault: "checksum mismatch in frame 7", CalibrationVersion: 4);

    public static TrafficWindowRow Traffic(string node = "node-001", string sensor = "ops243", int window = 0, int approaching = 41, double? v85 = 52.5) =>
        new(node, sensor, Start.AddMinutes(15 * window), 900, TimeQuality: 0, Partial: false, approaching, Receding: 37,
            SpeedHistogram: Enumerable.Range(0, TrafficWindowRow.SpeedBins).Select(bin => bin * 3 + window).ToArray(), v85);

    public static NoValueWindowRow NoValue(string node = "node-001", string sensor = "sds011", int window = 0, string? fault = "Stale") =>
        new(node, sensor, Start.AddMinutes(15 * window), 900, TimeQuality: 1, Partial: true, Coverage: 0.125, Faults: 3, fault, CalibrationVersion: 4);

    public static IngestBatch Batch(params MetricWindowRow[] metrics)
    {
        var batch = new IngestBatch();
        batch.Metrics.AddRange(metrics);
        return batch;
    }

    public static void AssertSame(TrafficWindowRow expected, TrafficWindowRow actual)
    {
        Assert.Equal(expected.SpeedHistogram, actual.SpeedHistogram);
        int[] none = Array.Empty<int>();
        Assert.Equal(expected with { SpeedHistogram = none }, actual with { SpeedHistogram = none });
    }
}

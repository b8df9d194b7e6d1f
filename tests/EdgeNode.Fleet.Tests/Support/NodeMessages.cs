using EdgeNode.Protocol.Catalogue;
using EdgeNode.Protocol.Messages;
using EdgeNode.Protocol.Topics;

namespace EdgeNode.Fleet.Tests.Support;

/// <summary>
/// Messages as a node sends them, encoded with the real codec, with every field set to something a mix-up would
/// show (two windows that differ in every field, two sensors that differ in coverage and faults).
/// </summary>
internal static class NodeMessages
{
    public const string Node = "mairie-12";

    /// <summary>A quarter hour, as the aggregator aligns windows.</summary>
    public static readonly DateTimeOffset Start = new(2026, 3, 14, 9, 15, 0, TimeSpan.Zero);

    /// <summary>When the fleet receives the sample batch: after its windows, as in life.</summary>
    public static readonly DateTimeOffset ReceivedAt = Start.AddHours(2);

    public static string Topic(UpChannel channel, string node = Node) => EdgeTopics.Up(node, channel);

    /// <summary>Two windows: the first re-stamped, partial, calibration 4, with traffic; the second synchronised, whole, calibration 5, without.</summary>
    public static WindowBatch Batch(string node = Node, ulong batchId = 4711, DateTimeOffset? start = null)
    {
        DateTimeOffset first = start ?? Start;
        return new WindowBatch(
            node,
            batchId,
            [
                new WireWindow(first, 900, WireTimeQuality.Restamped, Partial: true, CalibrationVersion: 4,
                [
                    new WireSensorWindow("bme280", 0.875,
                    [
                        new(MetricCatalogue.Temperature, 30, 11.37, 11.02, 11.81, 11.74),
                        new(MetricCatalogue.RelativeHumidity, 29, 78.41, 77.9, 79.33, 78.0),
                    ], 2, WireFault.CorruptData),
                    new WireSensorWindow("sds011", 0.5, [new(MetricCatalogue.Pm25, 18, 9.4, 8.1, 11.0, 9.9)], 0, null),
                ],
                new WireTrafficWindow("ops243", 41, 37, [0, 0, 1, 9, 31, 28, 7, 2, 0, 0, 0, 0, 0, 0, 0, 0], 56.3)),
                new WireWindow(first.AddMinutes(15), 900, WireTimeQuality.Synchronised, Partial: false, CalibrationVersion: 5,
                [
                    new WireSensorWindow("bme280", 1.0,
                    [
                        new(MetricCatalogue.Temperature, 180, 12.05, 11.8, 12.3, 12.29),
                        new(MetricCatalogue.RelativeHumidity, 180, 76.2, 75.5, 77.01, 75.6),
                    ], 0, null),
                    new WireSensorWindow("sds011", 0.25, [new(MetricCatalogue.Pm25, 9, 10.2, 9.0, 12.4, 11.1)], 1, WireFault.NotAnswering),
                ],
                null),
            ],
            [],
            [],
            []);
    }

    /// <summary>One window of one metric: the smallest batch, for tests that need many.</summary>
    public static WindowBatch SmallBatch(string node, ulong batchId, int window) => new(
        node,
        batchId,
        [
            new WireWindow(Start.AddMinutes(15 * window), 900, WireTimeQuality.Synchronised, Partial: false, CalibrationVersion: 1,
                [new WireSensorWindow("sds011", 1.0, [new(MetricCatalogue.Pm25, 30, 8.5 + window % 10, 7.0, 20.0, 9.1)], 0, null)], null),
        ],
        [],
        [],
        []);

    public static AlertMessage Alert(string node = Node, ulong alertId = 99, bool raised = true) =>
        new(node, alertId, MetricCatalogue.Pm25, WireBand.Poor, raised, 52.4, 50.0, 3600, Start.AddMinutes(40));

    public static HealthReport Health(string node = Node) =>
        new(node, Start.AddHours(1), "0.4.1-3-gdeadbee", TimeSpan.FromHours(30), 47.3, 5L << 30, 16L << 30, 300L << 20, 41L << 20,
            WireClockState.Synchronised, 12, Start, Start.AddMinutes(-60), 3,
            [new SensorHealth("bme280", null, Start, null), new SensorHealth("sds011", WireFault.NotAnswering, Start.AddMinutes(-20), Start)]);

    public static ConfigApplied ConfigApplied(string node = Node) => new(node, 7, Applied: true, Problem: null);
}

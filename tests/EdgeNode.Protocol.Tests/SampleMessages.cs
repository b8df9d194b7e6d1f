using EdgeNode.Protocol.Catalogue;
using EdgeNode.Protocol.Messages;

namespace EdgeNode.Protocol.Tests;

/// <summary>Messages shaped like what a five-sensor node really sends.</summary>
internal static class SampleMessages
{
    public static readonly DateTimeOffset Midnight = new(2026, 11, 22, 0, 0, 0, TimeSpan.Zero);

    public static WireWindow Window(DateTimeOffset start, int seed = 0, bool traffic = true) => new(
        start,
        900,
        WireTimeQuality.Synchronised,
        Partial: false,
        CalibrationVersion: 3,
        [
            new WireSensorWindow("bme280", 1.0,
            [
                new(MetricCatalogue.Temperature, 180, Math.Round(11.37 + seed * 0.01, 2), 11.02, 11.81, 11.74),
                new(MetricCatalogue.RelativeHumidity, 180, 78.41, 77.9, 79.33, 78.0),
                new(MetricCatalogue.Pressure, 180, 1013.27, 1013.2, 1013.31, 1013.3),
            ], 0, null),
            new WireSensorWindow("scd41", 0.998, [new(MetricCatalogue.Co2, 180, 431.6, 424, 440, 433)], 1, WireFault.NotAnswering),
            new WireSensorWindow("sds011", 0.5, [new(MetricCatalogue.Pm25, 18, 9.4, 8.1, 11.0, 9.9), new(MetricCatalogue.Pm10, 18, 14.2, 12.5, 17.3, 13.1)], 0, null),
            new WireSensorWindow("pms5003", 0.5,
            [
                new(MetricCatalogue.Pm1, 18, 5.1, 4, 6, 5),
                new(MetricCatalogue.Pm25, 18, 8.7, 7, 10, 9),
                new(MetricCatalogue.Pm10, 18, 12.9, 11, 15, 12),
            ], 0, null),
        ],
        traffic ? new WireTrafficWindow("ops243", 41, 37, [0, 0, 1, 9, 31, 28, 7, 2, 0, 0, 0, 0, 0, 0, 0, 0], 56.3) : null);

    public static WindowBatch Batch(int windows = 4, ulong id = 17) => new(
        "mairie-12",
        id,
        Enumerable.Range(0, windows).Select(i => Window(Midnight.AddMinutes(15 * i), i)).ToList(),
        [],
        [],
        []);
}

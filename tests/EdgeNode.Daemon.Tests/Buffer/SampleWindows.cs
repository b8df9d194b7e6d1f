using EdgeNode.Daemon.Windows;
using EdgeNode.Sensors;

namespace EdgeNode.Daemon.Tests.Buffer;

/// <summary>Windows for the buffer tests, every field set to something that would show if it were lost.</summary>
internal static class SampleWindows
{
    public static readonly DateTimeOffset Monday = new(2025, 3, 3, 0, 0, 0, TimeSpan.Zero);

    public static readonly TimeSpan Quarter = TimeSpan.FromMinutes(15);

    /// <summary>The n-th 15-minute window from Monday midnight UTC; values derived from n so each differs.</summary>
    public static ClosedWindow Quarterly(int n) => Small(Monday + (n * Quarter), Quarter, n);

    /// <summary>One sensor, one metric, traffic: a few dozen bytes stored.</summary>
    public static ClosedWindow Small(DateTimeOffset start, TimeSpan length, int n) => new(
        start,
        length,
        WindowTimeQuality.Synchronised,
        Partial: false,
        [new SensorWindow("bme280", 1.0, [new MetricSummary(Metric.TemperatureCelsius, 10, 20 + n, 19 + n, 21 + n, 20.5 + n)], 0, null)],
        new TrafficWindow(n, 1, Bins((3, n + 1)), 35));

    /// <summary>Four sensors reporting every metric: about 1.2 kB stored, to fill a small quota fast.</summary>
    public static ClosedWindow Large(DateTimeOffset start, TimeSpan length, int n) => Small(start, length, n) with
    {
        Sensors = [.. Enumerable.Range(0, 4).Select(s => new SensorWindow(
            $"sensor{s}",
            1.0,
            [.. Enum.GetValues<Metric>().Select(m => new MetricSummary(m, 10 + s, n + s, n, n + s + 1, n + 0.5))],
            0,
            null))],
    };

    /// <summary>Every field away from its default, nulls included where a neighbour has a value.</summary>
    public static ClosedWindow Full() => new(
        new DateTimeOffset(2025, 3, 3, 14, 45, 0, TimeSpan.Zero),
        Quarter,
        WindowTimeQuality.Restamped,
        Partial: true,
        [
            new SensorWindow(
                "bme280",
                0.9875,
                [
                    new MetricSummary(Metric.TemperatureCelsius, 178, 12.625, -3.5, 19.25, 18.0625),
                    new MetricSummary(Metric.RelativeHumidityPercent, 178, 81.3, 64.0, 97.9, 70.1),
                    new MetricSummary(Metric.PressureHectopascals, 177, 1013.25, 1009.5, 1016.75, 1010.0),
                ],
                2,
                SensorFaultKind.CorruptData),
            new SensorWindow("sds011", 0.1, [new MetricSummary(Metric.Pm25MicrogramsPerCubicMetre, 3, 7.7, 5.1, 11.3, 6.9)], 4, SensorFaultKind.WarmingUp),
            new SensorWindow("scd41 (é)", 0, [], 60, SensorFaultKind.NotAnswering),
        ],
        new TrafficWindow(41, 37, Bins((2, 5), (3, 30), (4, 28), (5, 12), (15, 3)), 52.857142857142854));

    public static int[] Bins(params (int Bin, int Vehicles)[] counts)
    {
        int[] bins = new int[TrafficWindow.BinCount];
        foreach ((int bin, int vehicles) in counts)
        {
            bins[bin] = vehicles;
        }

        return bins;
    }
}

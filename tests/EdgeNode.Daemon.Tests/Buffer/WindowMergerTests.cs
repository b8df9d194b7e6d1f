using EdgeNode.Daemon.Buffer;
using EdgeNode.Daemon.Windows;
using EdgeNode.Sensors;

namespace EdgeNode.Daemon.Tests.Buffer;

public sealed class WindowMergerTests
{
    private static readonly DateTimeOffset Hour = SampleWindows.Monday.AddHours(8);

    /// <summary>Four quarters of one hour, each bending a different merge rule.</summary>
    internal static ClosedWindow[] FourQuarters() =>
    [
        new(Hour, SampleWindows.Quarter, WindowTimeQuality.Synchronised, false,
            [
                new SensorWindow("bme280", 1.0, [new MetricSummary(Metric.TemperatureCelsius, 10, 10, 8, 12, 11)], 0, null),
                new SensorWindow("sds011", 0.5, [new MetricSummary(Metric.Pm25MicrogramsPerCubicMetre, 2, 5, 4, 6, 6)], 1, SensorFaultKind.NotAnswering),
            ],
            new TrafficWindow(3, 1, SampleWindows.Bins((3, 4)), 38)),
        new(Hour.AddMinutes(15), SampleWindows.Quarter, WindowTimeQuality.Restamped, false,
            [new SensorWindow("bme280", 0.5, [new MetricSummary(Metric.TemperatureCelsius, 5, 16, 15, 20, 15.5)], 2, SensorFaultKind.Stuck)],
            null),
        new(Hour.AddMinutes(30), SampleWindows.Quarter, WindowTimeQuality.Synchronised, true,
            [
                new SensorWindow(
                    "bme280",
                    1.0,
                    [new MetricSummary(Metric.TemperatureCelsius, 10, 13, 7, 14, 13.5), new MetricSummary(Metric.RelativeHumidityPercent, 10, 80, 78, 82, 79)],
                    0,
                    null),
                new SensorWindow("sds011", 1.0, [new MetricSummary(Metric.Pm25MicrogramsPerCubicMetre, 4, 8, 7, 9, 7.5)], 0, null),
            ],
            new TrafficWindow(2, 2, SampleWindows.Bins((4, 4)), 48)),
        new(Hour.AddMinutes(45), SampleWindows.Quarter, WindowTimeQuality.Synchronised, false,
            [new SensorWindow("bme280", 0.25, [new MetricSummary(Metric.TemperatureCelsius, 5, 20, 19, 21, 19.5)], 0, null)],
            new TrafficWindow(1, 0, SampleWindows.Bins((4, 2)), 45)),
    ];

    [Fact]
    public void The_merged_window_spans_the_hour_with_the_worst_time_quality_and_is_partial_if_any_part_was()
    {
        ClosedWindow merged = WindowMerger.Merge(FourQuarters());

        Assert.Equal(Hour, merged.Start);
        Assert.Equal(TimeSpan.FromHours(1), merged.Length);
        Assert.Equal(WindowTimeQuality.Restamped, merged.Time);
        Assert.True(merged.Partial);
    }

    [Fact]
    public void Metric_counts_add_means_weigh_by_count_extremes_widen_and_last_is_the_latest()
    {
        SensorWindow bme280 = WindowMerger.Merge(FourQuarters()).Sensors[0];

        Assert.Equal("bme280", bme280.Sensor);
        // (10·10 + 5·16 + 10·13 + 5·20) / 30 = 410 / 30
        Assert.Equal(new MetricSummary(Metric.TemperatureCelsius, 30, 410.0 / 30, 7, 21, 19.5), bme280.Metrics[0]);
        // Only one quarter had humidity: it passes through as it was.
        Assert.Equal(new MetricSummary(Metric.RelativeHumidityPercent, 10, 80, 78, 82, 79), bme280.Metrics[1]);
        Assert.Equal(2, bme280.Metrics.Count);
    }

    [Fact]
    public void Coverage_weighs_by_length_counting_a_missing_sensor_as_uncovered_and_faults_add()
    {
        IReadOnlyList<SensorWindow> sensors = WindowMerger.Merge(FourQuarters()).Sensors;

        // (1 + 0.5 + 1 + 0.25) / 4
        Assert.Equal(0.6875, sensors[0].Coverage, 12);
        Assert.Equal(2, sensors[0].Faults);
        // The last two quarters had no fault: the last fault is the latest that was one.
        Assert.Equal(SensorFaultKind.Stuck, sensors[0].LastFault);

        SensorWindow sds011 = sensors[1];
        Assert.Equal("sds011", sds011.Sensor);
        // (0.5 + 0 + 1 + 0) / 4: absent in the second and fourth quarters.
        Assert.Equal(0.375, sds011.Coverage, 12);
        Assert.Equal(1, sds011.Faults);
        Assert.Equal(SensorFaultKind.NotAnswering, sds011.LastFault);
        // (2·5 + 4·8) / 6 = 7
        Assert.Equal(new MetricSummary(Metric.Pm25MicrogramsPerCubicMetre, 6, 7, 4, 9, 7.5), Assert.Single(sds011.Metrics));
    }

    [Fact]
    public void Traffic_counts_and_bins_add_and_v85_is_estimated_from_the_merged_histogram()
    {
        TrafficWindow traffic = WindowMerger.Merge(FourQuarters()).Traffic!;

        Assert.Equal(6, traffic.Approaching);
        Assert.Equal(3, traffic.Receding);
        Assert.Equal(SampleWindows.Bins((3, 4), (4, 6)), traffic.SpeedHistogram);
        // 10 vehicles, the 8.5th: 4 below 40 km/h, so 4.5 of the 6 in [40, 50) → 40 + 10 · 4.5 / 6.
        Assert.Equal(47.5, traffic.V85KilometresPerHour!.Value, 12);
    }

    [Fact]
    public void Without_any_traffic_the_merged_window_has_none()
    {
        ClosedWindow[] quarters = [.. FourQuarters().Select(w => w with { Traffic = null })];

        Assert.Null(WindowMerger.Merge(quarters).Traffic);
    }

    [Fact]
    public void Two_pieces_of_one_window_overlay_into_one_partial_window_whose_coverage_and_counts_add()
    {
        var stoppedAt = new ClosedWindow(Hour, SampleWindows.Quarter, WindowTimeQuality.Synchronised, true,
            [new SensorWindow("bme280", 0.45, [new MetricSummary(Metric.TemperatureCelsius, 7, 10, 8, 12, 11)], 0, null)],
            new TrafficWindow(3, 1, SampleWindows.Bins((3, 4)), 38));
        var startedAgain = new ClosedWindow(Hour, SampleWindows.Quarter, WindowTimeQuality.Restamped, true,
            [
                new SensorWindow("bme280", 0.5, [new MetricSummary(Metric.TemperatureCelsius, 3, 20, 19, 21, 19.5)], 1, SensorFaultKind.Stuck),
                new SensorWindow("sds011", 0.2, [new MetricSummary(Metric.Pm25MicrogramsPerCubicMetre, 2, 5, 4, 6, 6)], 0, null),
            ],
            new TrafficWindow(2, 2, SampleWindows.Bins((4, 4)), 48));

        ClosedWindow one = WindowMerger.Overlay(stoppedAt, startedAgain);

        Assert.Equal((Hour, SampleWindows.Quarter, WindowTimeQuality.Restamped, true), (one.Start, one.Length, one.Time, one.Partial));
        SensorWindow bme = one.Sensors.Single(s => s.Sensor == "bme280");
        Assert.Equal(0.95, bme.Coverage, 9);
        MetricSummary temperature = Assert.Single(bme.Metrics);
        Assert.Equal((10, 13.0, 8.0, 21.0, 19.5), (temperature.Count, temperature.Mean, temperature.Minimum, temperature.Maximum, temperature.Last));
        Assert.Equal((1, SensorFaultKind.Stuck), (bme.Faults, bme.LastFault));
        Assert.Equal(0.2, one.Sensors.Single(s => s.Sensor == "sds011").Coverage, 9);
        Assert.Equal((5, 3), (one.Traffic!.Approaching, one.Traffic.Receding));
    }

    [Fact]
    public void Pieces_of_different_windows_do_not_overlay()
    {
        ClosedWindow first = SampleWindows.Quarterly(0) with { Partial = true };

        Assert.Throws<ArgumentException>(() => WindowMerger.Overlay(first, SampleWindows.Quarterly(1) with { Partial = true }));
        Assert.Throws<ArgumentException>(() => WindowMerger.Overlay(first, first with { Length = TimeSpan.FromHours(1) }));
    }
}

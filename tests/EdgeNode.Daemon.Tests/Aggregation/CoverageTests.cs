using EdgeNode.Daemon.Windows;
using EdgeNode.Sensors;
using static EdgeNode.Daemon.Tests.Aggregation.AggregatorRig;

namespace EdgeNode.Daemon.Tests.Aggregation;

public class CoverageTests
{
    private static readonly TimeSpan TenSeconds = TimeSpan.FromSeconds(10);

    private static SensorWindow Only(ClosedWindow window) => Assert.Single(window.Sensors);

    [Fact]
    public void Readings_every_ten_seconds_out_of_phase_with_the_boundaries_cover_a_whole_window()
    {
        var rig = new AggregatorRig(At(10, 0));
        for (DateTimeOffset at = At(10, 0, 5); at < At(10, 30); at += TenSeconds)
        {
            rig.AdvanceTo(at);
            rig.Read("bme280", at, 20.0);
        }

        List<ClosedWindow> windows = rig.CloseAt(At(10, 30, 2));

        Assert.Equal(895.0 / 900.0, Only(windows[0]).Coverage);
        Assert.Equal(1.0, Only(windows[1]).Coverage);
        Assert.Equal(90, Only(windows[1]).Metrics[0].Count);
    }

    [Fact]
    public void A_gap_in_the_readings_leaves_that_part_of_the_window_uncovered()
    {
        var rig = new AggregatorRig(At(10, 0));
        rig.AdvanceTo(At(10, 14));
        rig.Read("sds011", At(10, 0), TimeSpan.FromMinutes(5), new Measurement(Metric.Pm25MicrogramsPerCubicMetre, 9));
        rig.Read("sds011", At(10, 10), TimeSpan.FromMinutes(5), new Measurement(Metric.Pm25MicrogramsPerCubicMetre, 11));

        Assert.Equal(2.0 / 3.0, Only(rig.CloseAt(At(10, 15, 2))[0]).Coverage);
    }

    [Fact]
    public void Overlapping_readings_count_the_time_they_share_once()
    {
        var rig = new AggregatorRig(At(10, 0));
        rig.Read("bme280", At(10, 0, 0), 20.0);
        rig.Read("bme280", At(10, 0, 5), 20.0);

        Assert.Equal(15.0 / 900.0, Only(rig.CloseAt(At(10, 15, 2))[0]).Coverage);
    }

    [Fact]
    public void Readings_faster_than_they_stand_for_cap_coverage_at_one()
    {
        var rig = new AggregatorRig(At(10, 0));
        for (DateTimeOffset at = At(10, 0); at < At(10, 15); at += TimeSpan.FromSeconds(1))
        {
            rig.AdvanceTo(at);
            rig.Read("bme280", at, TimeSpan.FromMinutes(1), new Measurement(Metric.TemperatureCelsius, 20));
        }

        Assert.Equal(1.0, Only(rig.CloseAt(At(10, 15, 2))[0]).Coverage);
    }

    [Fact]
    public void A_reading_just_before_a_boundary_covers_the_start_of_the_next_window_but_counts_in_its_own()
    {
        var rig = new AggregatorRig(At(10, 0));
        rig.AdvanceTo(At(10, 14, 55));
        rig.Read("bme280", At(10, 14, 55), 20.0);

        List<ClosedWindow> windows = rig.CloseAt(At(10, 30, 2));

        Assert.Equal(5.0 / 900.0, Only(windows[0]).Coverage);
        Assert.Equal(1, Only(windows[0]).Metrics[0].Count);
        Assert.Equal(5.0 / 900.0, Only(windows[1]).Coverage);
        Assert.Empty(Only(windows[1]).Metrics);
    }

    [Fact]
    public void A_reading_that_stands_for_no_time_gives_values_but_no_coverage()
    {
        var rig = new AggregatorRig(At(10, 0));
        rig.Read("bme280", At(10, 1), TimeSpan.Zero, new Measurement(Metric.TemperatureCelsius, 20));

        SensorWindow sensor = Only(rig.CloseAt(At(10, 15, 2))[0]);

        Assert.Equal(0.0, sensor.Coverage);
        Assert.Single(sensor.Metrics);
    }

    [Fact]
    public void A_traffic_sensor_that_listened_without_fault_reports_coverage_and_no_metric()
    {
        var rig = new AggregatorRig(At(10, 0), o => o.VehicleCounterFitted = true);
        rig.Read("ops243", At(10, 0), TimeSpan.FromMinutes(15));

        ClosedWindow window = rig.CloseAt(At(10, 15, 2))[0];

        Assert.Equal(new SensorWindow("ops243", 1.0, [], 0, null), Only(window) with { Metrics = [] });
        Assert.Equal(0, window.Traffic!.Approaching + window.Traffic.Receding);
    }

    [Fact]
    public void A_negative_duration_is_refused()
    {
        var rig = new AggregatorRig(At(10, 0));

        Assert.Throws<ArgumentOutOfRangeException>(() => rig.Read("bme280", At(10, 0), TimeSpan.FromSeconds(-1)));
    }
}

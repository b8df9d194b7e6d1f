using EdgeNode.Daemon.Windows;
using EdgeNode.Sensors;
using static EdgeNode.Daemon.Tests.Aggregation.AggregatorRig;

namespace EdgeNode.Daemon.Tests.Aggregation;

public class WindowArithmeticTests
{
    private static readonly TimeSpan TenSeconds = TimeSpan.FromSeconds(10);

    [Fact]
    public void Count_mean_minimum_maximum_and_last_are_exact_on_scripted_values()
    {
        var rig = new AggregatorRig(At(10, 0));
        rig.Read("bme280", At(10, 1), 1.5);
        rig.Read("bme280", At(10, 2), 4.25);
        rig.Read("bme280", At(10, 3), -2.0);
        rig.Read("bme280", At(10, 4), 3.25);

        MetricSummary summary = Assert.Single(Assert.Single(Assert.Single(rig.CloseAt(At(10, 15, 2))).Sensors).Metrics);

        Assert.Equal(new MetricSummary(Metric.TemperatureCelsius, 4, 1.75, -2.0, 4.25, 3.25), summary);
    }

    [Fact]
    public void Last_is_the_latest_by_timestamp_even_when_reported_out_of_order()
    {
        var rig = new AggregatorRig(At(10, 0));
        rig.AdvanceTo(At(10, 5));
        rig.Read("bme280", At(10, 4), 20.0);
        rig.Read("bme280", At(10, 2), 10.0);

        MetricSummary summary = Assert.Single(Assert.Single(Assert.Single(rig.CloseAt(At(10, 15, 2))).Sensors).Metrics);

        Assert.Equal(20.0, summary.Last);
        Assert.Equal(15.0, summary.Mean);
    }

    [Fact]
    public void Each_sensor_and_metric_is_summarised_apart_in_a_stable_order()
    {
        var rig = new AggregatorRig(At(10, 0));
        rig.Read("sds011", At(10, 1), TenSeconds, new(Metric.Pm10MicrogramsPerCubicMetre, 30), new(Metric.Pm25MicrogramsPerCubicMetre, 12));
        rig.Read("bme280", At(10, 1), TenSeconds, new(Metric.PressureHectopascals, 1013.25), new(Metric.TemperatureCelsius, 4));
        rig.Read("sds011", At(10, 6), TenSeconds, new(Metric.Pm10MicrogramsPerCubicMetre, 50), new(Metric.Pm25MicrogramsPerCubicMetre, 18));

        ClosedWindow window = Assert.Single(rig.CloseAt(At(10, 15, 2)));

        Assert.Equal(["bme280", "sds011"], window.Sensors.Select(s => s.Sensor));
        SensorWindow pm = window.Sensors[1];
        Assert.Equal([Metric.Pm25MicrogramsPerCubicMetre, Metric.Pm10MicrogramsPerCubicMetre], pm.Metrics.Select(m => m.Metric));
        Assert.Equal(new MetricSummary(Metric.Pm25MicrogramsPerCubicMetre, 2, 15, 12, 18, 18), pm.Metrics[0]);
        Assert.Equal(new MetricSummary(Metric.Pm10MicrogramsPerCubicMetre, 2, 40, 30, 50, 50), pm.Metrics[1]);
    }

    [Fact]
    public void Faults_are_counted_with_the_kind_of_the_last_one()
    {
        var rig = new AggregatorRig(At(10, 0));
        rig.AdvanceTo(At(10, 9));
        rig.Read("pms5003", At(10, 1), TimeSpan.FromMinutes(5), new Measurement(Metric.Pm25MicrogramsPerCubicMetre, 8));
        rig.Aggregator.RecordFault("pms5003", SensorFaultKind.WarmingUp, At(10, 5));
        rig.Aggregator.RecordFault("pms5003", SensorFaultKind.NotAnswering, At(10, 8));
        rig.Aggregator.RecordFault("pms5003", SensorFaultKind.CorruptData, At(10, 7));

        SensorWindow sensor = Assert.Single(Assert.Single(rig.CloseAt(At(10, 15, 2))).Sensors);

        Assert.Equal(3, sensor.Faults);
        Assert.Equal(SensorFaultKind.NotAnswering, sensor.LastFault);
        Assert.Single(sensor.Metrics);
    }

    [Fact]
    public void A_sensor_that_only_failed_has_no_metrics_no_coverage_and_its_faults()
    {
        var rig = new AggregatorRig(At(10, 0));
        rig.Aggregator.RecordFault("scd41", SensorFaultKind.NotPresent, At(10, 1));

        SensorWindow sensor = Assert.Single(Assert.Single(rig.CloseAt(At(10, 15, 2))).Sensors);

        Assert.Equal(new SensorWindow("scd41", 0, [], 1, SensorFaultKind.NotPresent), sensor with { Metrics = [] });
        Assert.Empty(sensor.Metrics);
    }

    [Fact]
    public void A_value_that_is_not_a_number_is_left_out_and_counted()
    {
        var rig = new AggregatorRig(At(10, 0));
        rig.Read("bme280", At(10, 1), TenSeconds, new(Metric.TemperatureCelsius, double.NaN), new(Metric.RelativeHumidityPercent, 55));

        SensorWindow sensor = Assert.Single(Assert.Single(rig.CloseAt(At(10, 15, 2))).Sensors);

        Assert.Equal(Metric.RelativeHumidityPercent, Assert.Single(sensor.Metrics).Metric);
        Assert.Equal(1, rig.Aggregator.Counters.InvalidValuesDropped);
    }
}

using EdgeNode.Daemon.Alerts;
using EdgeNode.Protocol.AirQuality;
using EdgeNode.Sensors;

namespace EdgeNode.Daemon.Tests.Alerts;

/// <summary>The node's alert settings as shipped, against the EEA's values written out by hand (the table itself is tested in EdgeNode.Protocol.Tests).</summary>
public class PollutionAlertDefaultsTests
{
    [Fact]
    public void The_default_alerts_are_PM25_and_PM10_reaching_Poor_on_a_one_hour_mean()
    {
        var options = new PollutionAlertOptions();

        Assert.Equal(
            [new PollutionThreshold(Metric.Pm25MicrogramsPerCubicMetre, AirQualityBand.Poor, 50), new PollutionThreshold(Metric.Pm10MicrogramsPerCubicMetre, AirQualityBand.Poor, 120)],
            options.Thresholds);
        Assert.Equal(TimeSpan.FromHours(1), options.RollingPeriod);
        Assert.Equal(0.10, options.HysteresisFraction);
        options.Validate();
    }

    [Fact]
    public void A_threshold_at_a_band_takes_the_band_lower_bound_for_the_node_metric()
    {
        Assert.Equal(60, PollutionThreshold.AtBand(Metric.No2MicrogramsPerCubicMetre, AirQualityBand.Poor).ThresholdMicrogramsPerCubicMetre);
        Assert.Equal(195, PollutionThreshold.AtBand(Metric.Pm10MicrogramsPerCubicMetre, AirQualityBand.VeryPoor).ThresholdMicrogramsPerCubicMetre);
    }

    [Fact]
    public void A_threshold_on_a_metric_outside_the_index_is_refused_at_start()
    {
        var options = new PollutionAlertOptions { Thresholds = [new PollutionThreshold(Metric.Co2PartsPerMillion, AirQualityBand.Poor, 1000)] };

        ArgumentException error = Assert.Throws<ArgumentException>(options.Validate);

        Assert.Contains("pollution alerts are for PM2.5, PM10 and NO2", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => PollutionThreshold.AtBand(Metric.TemperatureCelsius, AirQualityBand.Poor));
    }
}

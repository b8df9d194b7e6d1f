using EdgeNode.Daemon.Alerts;
using EdgeNode.Sensors;

namespace EdgeNode.Daemon.Tests.Alerts;

/// <summary>
/// The values the EEA publishes for the revised index (ETC HE Report 2024/17; airindex.eea.europa.eu), written out
/// here by hand so that a slip in the table is caught rather than copied.
/// </summary>
public class EuropeanAirQualityIndexTests
{
    [Fact]
    public void The_PM25_bands_are_the_EEA_revised_ones()
    {
        Assert.Equal([0.0, 5, 15, 50, 90, 140], EuropeanAirQualityIndex.BandLowerBoundsMicrogramsPerCubicMetre(Metric.Pm25MicrogramsPerCubicMetre));
    }

    [Fact]
    public void The_PM10_bands_are_the_EEA_revised_ones()
    {
        Assert.Equal([0.0, 15, 45, 120, 195, 270], EuropeanAirQualityIndex.BandLowerBoundsMicrogramsPerCubicMetre(Metric.Pm10MicrogramsPerCubicMetre));
    }

    [Fact]
    public void The_NO2_bands_are_the_EEA_revised_ones()
    {
        Assert.Equal([0.0, 10, 25, 60, 100, 150], EuropeanAirQualityIndex.BandLowerBoundsMicrogramsPerCubicMetre(Metric.No2MicrogramsPerCubicMetre));
    }

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

    [Theory]
    [InlineData(0.0, AirQualityBand.Good)]
    [InlineData(4.99, AirQualityBand.Good)]
    [InlineData(5.0, AirQualityBand.Fair)]
    [InlineData(49.9, AirQualityBand.Moderate)]
    [InlineData(50.0, AirQualityBand.Poor)]
    [InlineData(139.9, AirQualityBand.VeryPoor)]
    [InlineData(140.0, AirQualityBand.ExtremelyPoor)]
    [InlineData(900.0, AirQualityBand.ExtremelyPoor)]
    public void A_PM25_concentration_falls_in_the_band_whose_lower_bound_it_reaches(double concentration, AirQualityBand band)
    {
        Assert.Equal(band, EuropeanAirQualityIndex.Classify(Metric.Pm25MicrogramsPerCubicMetre, concentration));
    }

    [Fact]
    public void A_metric_outside_the_index_is_refused_with_what_it_covers()
    {
        var error = Assert.Throws<ArgumentException>(() => EuropeanAirQualityIndex.Classify(Metric.Co2PartsPerMillion, 800));

        Assert.Contains("PM2.5, PM10 and NO2", error.Message);
        Assert.False(EuropeanAirQualityIndex.Covers(Metric.TemperatureCelsius));
    }
}

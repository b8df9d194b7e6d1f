using EdgeNode.Fleet.AirQuality;
using EdgeNode.Fleet.Storage;
using EdgeNode.Protocol.AirQuality;

namespace EdgeNode.Fleet.Tests.Public;

public sealed class CurrentAirQualityTests
{
    private static readonly DateTimeOffset Now = PublicSite.DefaultNow;

    [Fact]
    public void The_band_is_the_worst_of_the_pollutants_hourly_means_weighted_by_window_length()
    {
        MetricWindowRow[] windows =
        [
            // PM2.5: 30 min at 4 and 15 min at 30: (4×1800 + 30×900) / 2700 = 12.67, Fair; a plain mean of the two (17) would say Moderate.
            PublicSite.Window("n", "sds011", "pm25_ugm3", Now.AddMinutes(-50), 4, seconds: 1800),
            PublicSite.Window("n", "pms5003", "pm25_ugm3", Now.AddMinutes(-20), 30),
            // PM10 at 130 from the other sensor: Poor, which wins.
            PublicSite.Window("n", "pms5003", "pm10_ugm3", Now.AddMinutes(-35), 130),
            PublicSite.Window("n", "bme280", "temperature_c", Now.AddMinutes(-35), 500),
        ];

        CurrentAirQuality current = CurrentAirQuality.Compute(windows, Now)!;

        Assert.Equal(AirQualityBand.Poor, current.Band);
        Assert.Equal(["pm25_ugm3", "pm10_ugm3"], current.Pollutants.Select(p => p.Metric));
        Assert.Equal(34200.0 / 2700, current.Pollutants[0].MeanMicrogramsPerCubicMetre, 9);
        Assert.Equal(AirQualityBand.Fair, current.Pollutants[0].Band);
        Assert.Equal(Now.AddHours(-1), current.From);
    }

    [Fact]
    public void Windows_that_ended_over_an_hour_ago_or_have_not_ended_are_not_current()
    {
        MetricWindowRow[] windows =
        [
            PublicSite.Window("n", "sds011", "pm25_ugm3", Now.AddMinutes(-75), 200),
            PublicSite.Window("n", "sds011", "pm25_ugm3", Now.AddMinutes(-10), 200),
        ];

        Assert.Null(CurrentAirQuality.Compute(windows, Now));
        Assert.Equal(Now.AddMinutes(-60), CurrentAirQuality.LastMeasurementEnd(windows, Now));
    }

    [Fact]
    public void A_window_with_no_sample_says_nothing()
    {
        MetricWindowRow empty = PublicSite.Window("n", "sds011", "pm25_ugm3", Now.AddMinutes(-20), 0) with { Count = 0 };

        Assert.Null(CurrentAirQuality.Compute([empty], Now));
        Assert.Null(CurrentAirQuality.LastMeasurementEnd([empty], Now));
    }
}

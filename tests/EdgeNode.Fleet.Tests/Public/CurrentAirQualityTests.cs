using EdgeNode.Fleet.AirQuality;
using EdgeNode.Fleet.Storage;
using EdgeNode.Protocol.AirQuality;

namespace EdgeNode.Fleet.Tests.Public;

public sealed class CurrentAirQualityTests
{
    private static readonly DateTimeOffset Now = PublicSite.DefaultNow;

    /// <summary>The default node: a sync every hour; the fleet allows a quarter of an hour more.</summary>
    private static readonly BandFreshness Hourly = new(TimeSpan.FromHours(1), TimeSpan.FromMinutes(15));

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

        CurrentAirQuality current = CurrentAirQuality.Compute(windows, Now, Hourly)!;

        Assert.Equal(AirQualityBand.Poor, current.Band);
        Assert.Equal(["pm25_ugm3", "pm10_ugm3"], current.Pollutants.Select(p => p.Metric));
        Assert.Equal(34200.0 / 2700, current.Pollutants[0].MeanMicrogramsPerCubicMetre, 9);
        Assert.Equal(AirQualityBand.Fair, current.Pollutants[0].Band);
        // The hour that ends with the newest window (ended 5 minutes ago).
        Assert.Equal(Now.AddMinutes(-5), current.To);
        Assert.Equal(Now.AddMinutes(-65), current.From);
    }

    [Fact]
    public void With_an_hourly_sync_a_band_whose_newest_window_ended_70_minutes_ago_is_still_current_over_the_hour_before_it()
    {
        MetricWindowRow[] windows =
        [
            // Sent at the last sync: the hour up to 70 minutes ago, at 20 µg/m³ (Moderate).
            PublicSite.Window("n", "sds011", "pm25_ugm3", Now.AddMinutes(-85), 20),
            PublicSite.Window("n", "sds011", "pm25_ugm3", Now.AddMinutes(-100), 20),
            PublicSite.Window("n", "sds011", "pm25_ugm3", Now.AddMinutes(-115), 20),
            PublicSite.Window("n", "sds011", "pm25_ugm3", Now.AddMinutes(-130), 20),
            // Ended over an hour before the newest one: not in its hour.
            PublicSite.Window("n", "sds011", "pm25_ugm3", Now.AddMinutes(-145), 200),
        ];

        CurrentAirQuality? current = CurrentAirQuality.Compute(windows, Now, Hourly);

        Assert.NotNull(current);
        Assert.Equal(AirQualityBand.Moderate, current.Band);
        Assert.Equal(20, Assert.Single(current.Pollutants).MeanMicrogramsPerCubicMetre, 9);
        Assert.Equal(Now.AddMinutes(-70), current.To);
        Assert.Equal(TimeSpan.FromMinutes(70), current.Age(Now));
    }

    [Theory]
    // Hourly sync, 15-minute windows, 15 minutes' margin: late after 90 minutes.
    [InlineData(60, 90, true)]
    [InlineData(60, 91, false)]
    // A node told to sync every 15 minutes is late after 45.
    [InlineData(15, 45, true)]
    [InlineData(15, 46, false)]
    public void A_band_goes_out_only_once_the_node_is_later_than_its_sync_interval_allows(int syncMinutes, int endedMinutesAgo, bool current)
    {
        var freshness = new BandFreshness(TimeSpan.FromMinutes(syncMinutes), TimeSpan.FromMinutes(15));
        MetricWindowRow[] windows = [PublicSite.Window("n", "sds011", "pm25_ugm3", Now.AddMinutes(-endedMinutesAgo - 15), 3)];

        Assert.Equal(current, CurrentAirQuality.Compute(windows, Now, freshness) is not null);
        Assert.Equal(Now.AddMinutes(-endedMinutesAgo), CurrentAirQuality.LastMeasurementEnd(windows, Now));
    }

    [Fact]
    public void A_window_that_has_not_ended_is_not_current()
    {
        MetricWindowRow[] windows = [PublicSite.Window("n", "sds011", "pm25_ugm3", Now.AddMinutes(-10), 200)];

        Assert.Null(CurrentAirQuality.Compute(windows, Now, Hourly));
        Assert.Null(CurrentAirQuality.LastMeasurementEnd(windows, Now));
    }

    [Fact]
    public void A_window_with_no_sample_says_nothing()
    {
        MetricWindowRow empty = PublicSite.Window("n", "sds011", "pm25_ugm3", Now.AddMinutes(-20), 0) with { Count = 0 };

        Assert.Null(CurrentAirQuality.Compute([empty], Now, Hourly));
        Assert.Null(CurrentAirQuality.LastMeasurementEnd([empty], Now));
    }

    [Fact]
    public void A_margin_below_zero_or_a_sync_interval_of_zero_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new BandFreshness(TimeSpan.Zero, TimeSpan.FromMinutes(15)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new BandFreshness(TimeSpan.FromHours(1), TimeSpan.FromMinutes(-1)));
    }
}

using EdgeNode.Daemon.Alerts;
using EdgeNode.Protocol.AirQuality;
using EdgeNode.Sensors;

namespace EdgeNode.Daemon.Tests.Alerts;

public class PollutionAlertEvaluatorTests
{
    private static readonly DateTimeOffset Ten = new(2026, 1, 15, 10, 0, 0, TimeSpan.Zero);

    private static readonly PollutionThreshold Pm25Poor = PollutionThreshold.AtBand(Metric.Pm25MicrogramsPerCubicMetre, AirQualityBand.Poor);

    /// <summary>A one-minute mean of readings a minute apart is the latest reading: the script drives the mean directly.</summary>
    private static PollutionAlertEvaluator EveryReadingIsTheMean(Action<PollutionAlertOptions>? configure = null)
    {
        var options = new PollutionAlertOptions
        {
            Thresholds = [Pm25Poor],
            RollingPeriod = TimeSpan.FromMinutes(1),
            MinimumSpanFraction = 0,
        };
        configure?.Invoke(options);
        return new PollutionAlertEvaluator(options);
    }

    /// <summary>Feeds one PM2.5 reading a minute from 10:00 and returns every alert emitted.</summary>
    private static List<PollutionAlert> Feed(PollutionAlertEvaluator evaluator, IEnumerable<double> perMinute, TimeSpan? every = null)
    {
        DateTimeOffset at = Ten;
        foreach (double value in perMinute)
        {
            evaluator.Observe([new Measurement(Metric.Pm25MicrogramsPerCubicMetre, value)], at);
            at += every ?? TimeSpan.FromMinutes(1);
        }

        var alerts = new List<PollutionAlert>();
        while (evaluator.Alerts.TryRead(out PollutionAlert? alert))
        {
            alerts.Add(alert);
        }

        return alerts;
    }

    private static IEnumerable<double> Repeat(double value, int minutes) => Enumerable.Repeat(value, minutes);

    [Fact]
    public void An_alert_is_raised_once_when_the_mean_reaches_the_threshold_with_everything_staff_need()
    {
        List<PollutionAlert> alerts = Feed(EveryReadingIsTheMean(), [40, 45, 49.9, 50, 62, 75]);

        PollutionAlert alert = Assert.Single(alerts);
        Assert.Equal(
            new PollutionAlert(Metric.Pm25MicrogramsPerCubicMetre, AirQualityBand.Poor, AlertTransition.Raised, 50, 50, TimeSpan.FromMinutes(1), Ten.AddMinutes(3)),
            alert);
    }

    [Fact]
    public void A_mean_that_oscillates_around_the_threshold_for_hours_raises_once_and_never_flaps()
    {
        IEnumerable<double> oscillating = Enumerable.Range(0, 180).Select(minute => minute % 2 == 0 ? 53.0 : 47.0);

        List<PollutionAlert> alerts = Feed(EveryReadingIsTheMean(), oscillating);

        Assert.Equal(AlertTransition.Raised, Assert.Single(alerts).Transition);
    }

    [Fact]
    public void Without_hysteresis_the_same_series_would_flap_every_minute()
    {
        IEnumerable<double> oscillating = Enumerable.Range(0, 180).Select(minute => minute % 2 == 0 ? 53.0 : 47.0);

        List<PollutionAlert> alerts = Feed(EveryReadingIsTheMean(o => (o.HysteresisFraction, o.MinimumClearDuration) = (0, TimeSpan.Zero)), oscillating);

        Assert.Equal(180, alerts.Count);
    }

    [Fact]
    public void Dips_below_the_margin_shorter_than_the_minimum_time_do_not_clear()
    {
        // Raised at 52; the margin is 45 µg/m³; dips of 14 minutes at 44 broken by a minute at 46.
        double[] series = [52, .. Repeat(44, 14), 46, .. Repeat(44, 14), 46, .. Repeat(44, 14), 45];

        List<PollutionAlert> alerts = Feed(EveryReadingIsTheMean(), series);

        Assert.Equal(AlertTransition.Raised, Assert.Single(alerts).Transition);
    }

    [Fact]
    public void A_mean_between_the_margin_and_the_threshold_keeps_the_alert_raised()
    {
        List<PollutionAlert> alerts = Feed(EveryReadingIsTheMean(), [52, .. Repeat(45, 120), .. Repeat(49.9, 120)]);

        Assert.Single(alerts);
    }

    [Fact]
    public void The_alert_clears_once_the_mean_has_stayed_below_the_margin_for_the_minimum_time()
    {
        // Below the margin from 10:01; the 15-minute minimum is reached by the reading at 10:16.
        List<PollutionAlert> alerts = Feed(EveryReadingIsTheMean(), [52, .. Repeat(44.9, 20)]);

        Assert.Equal([AlertTransition.Raised, AlertTransition.Cleared], alerts.Select(a => a.Transition));
        Assert.Equal(
            new PollutionAlert(Metric.Pm25MicrogramsPerCubicMetre, AirQualityBand.Poor, AlertTransition.Cleared, 44.9, 50, TimeSpan.FromMinutes(1), Ten.AddMinutes(16)),
            alerts[1]);
    }

    [Fact]
    public void After_clearing_a_new_episode_raises_again()
    {
        List<PollutionAlert> alerts = Feed(EveryReadingIsTheMean(), [52, .. Repeat(30, 20), 50, 60]);

        Assert.Equal([AlertTransition.Raised, AlertTransition.Cleared, AlertTransition.Raised], alerts.Select(a => a.Transition));
        Assert.Equal(Ten.AddMinutes(21), alerts[2].At);
    }

    [Fact]
    public void The_default_one_hour_mean_raises_when_it_reaches_50_exactly()
    {
        // A PM sensor read every 5 minutes: an hour at 40, then one reading at 160. The hour (10:00, 11:00]
        // holds eleven readings at 40 and the 160: (11 × 40 + 160) / 12 = 50.
        List<PollutionAlert> alerts = Feed(new PollutionAlertEvaluator(new PollutionAlertOptions()), [.. Repeat(40, 12), 160], TimeSpan.FromMinutes(5));

        PollutionAlert alert = Assert.Single(alerts);
        Assert.Equal((AlertTransition.Raised, 50.0, Ten.AddHours(1)), (alert.Transition, alert.RollingMeanMicrogramsPerCubicMetre, alert.At));
        Assert.Equal(TimeSpan.FromHours(1), alert.RollingPeriod);
    }

    [Fact]
    public void No_alert_before_the_readings_span_three_quarters_of_the_period()
    {
        var evaluator = new PollutionAlertEvaluator(new PollutionAlertOptions());

        // 10:00 to 10:40 spans 40 minutes: not yet an hourly mean, however high.
        Assert.Empty(Feed(evaluator, Repeat(200, 9), TimeSpan.FromMinutes(5)));
        evaluator.Observe([new Measurement(Metric.Pm25MicrogramsPerCubicMetre, 200)], Ten.AddMinutes(45));

        Assert.True(evaluator.Alerts.TryRead(out PollutionAlert? alert));
        Assert.Equal(Ten.AddMinutes(45), alert.At);
    }

    [Fact]
    public void A_gap_in_the_readings_restarts_the_time_needed_to_clear()
    {
        var evaluator = new PollutionAlertEvaluator(new PollutionAlertOptions
        {
            Thresholds = [Pm25Poor],
            RollingPeriod = TimeSpan.FromMinutes(10),
        });

        // Raised at 10:08 (8 minutes of readings at 60); the 10-minute mean drops below the margin at 10:13
        // (7 × 60 + 3 × 0) / 10 = 42. The sensor goes silent from 10:21 to 11:30, then reads 0 every minute.
        List<PollutionAlert> alerts = Feed(evaluator, [.. Repeat(60, 11), .. Repeat(0, 11)]);
        for (DateTimeOffset at = Ten.AddMinutes(90); at <= Ten.AddMinutes(120); at += TimeSpan.FromMinutes(1))
        {
            evaluator.Observe([new Measurement(Metric.Pm25MicrogramsPerCubicMetre, 0)], at);
        }

        // Judged again from 11:38, once the readings span 7.5 minutes: the 15 minutes below count from there,
        // not from 10:13, so the clear comes at 11:53 rather than at once.
        Assert.True(evaluator.Alerts.TryRead(out PollutionAlert? cleared));
        Assert.Equal(AlertTransition.Raised, Assert.Single(alerts).Transition);
        Assert.Equal((AlertTransition.Cleared, Ten.AddMinutes(113)), (cleared.Transition, cleared.At));
    }

    [Fact]
    public void Each_threshold_of_a_metric_is_raised_and_cleared_on_its_own()
    {
        PollutionAlertEvaluator evaluator = EveryReadingIsTheMean(o => o.Thresholds =
            [Pm25Poor, PollutionThreshold.AtBand(Metric.Pm25MicrogramsPerCubicMetre, AirQualityBand.VeryPoor)]);

        List<PollutionAlert> alerts = Feed(evaluator, [60, 95, .. Repeat(70, 20)]);

        Assert.Equal(
            [(AirQualityBand.Poor, AlertTransition.Raised), (AirQualityBand.VeryPoor, AlertTransition.Raised), (AirQualityBand.VeryPoor, AlertTransition.Cleared)],
            alerts.Select(a => (a.Band, a.Transition)));
        Assert.Equal([Pm25Poor], evaluator.Raised);
    }

    [Fact]
    public void Readings_of_other_metrics_and_values_that_are_not_numbers_are_ignored()
    {
        PollutionAlertEvaluator evaluator = EveryReadingIsTheMean();

        evaluator.Observe([new(Metric.TemperatureCelsius, 80), new(Metric.Pm10MicrogramsPerCubicMetre, 500), new(Metric.Pm25MicrogramsPerCubicMetre, double.NaN)], Ten);

        Assert.False(evaluator.Alerts.TryRead(out _));
    }

    [Fact]
    public void A_reading_older_than_the_period_does_not_move_the_mean()
    {
        PollutionAlertEvaluator evaluator = EveryReadingIsTheMean(o => o.RollingPeriod = TimeSpan.FromHours(1));
        evaluator.Observe([new(Metric.Pm25MicrogramsPerCubicMetre, 20)], Ten.AddHours(1));

        evaluator.Observe([new(Metric.Pm25MicrogramsPerCubicMetre, 900)], Ten);

        Assert.False(evaluator.Alerts.TryRead(out _));
    }

    [Fact]
    public void A_reading_within_the_period_counts_even_out_of_order_and_the_alert_keeps_the_newest_time()
    {
        PollutionAlertEvaluator evaluator = EveryReadingIsTheMean(o => o.RollingPeriod = TimeSpan.FromHours(1));
        evaluator.Observe([new(Metric.Pm25MicrogramsPerCubicMetre, 20)], Ten.AddHours(1));

        evaluator.Observe([new(Metric.Pm25MicrogramsPerCubicMetre, 80)], Ten.AddMinutes(30));

        Assert.True(evaluator.Alerts.TryRead(out PollutionAlert? alert));
        Assert.Equal((50.0, Ten.AddHours(1)), (alert.RollingMeanMicrogramsPerCubicMetre, alert.At));
    }

    [Fact]
    public void Bad_settings_are_refused_with_what_to_set()
    {
        var options = new PollutionAlertOptions
        {
            Thresholds = [new PollutionThreshold(Metric.Co2PartsPerMillion, AirQualityBand.Poor, 1500)],
            HysteresisFraction = 1.5,
            RollingPeriod = TimeSpan.Zero,
        };

        ArgumentException error = Assert.Throws<ArgumentException>(() => new PollutionAlertEvaluator(options));

        Assert.Contains("Alerts:Thresholds has a threshold for Co2PartsPerMillion", error.Message);
        Assert.Contains("Alerts:HysteresisFraction", error.Message);
        Assert.Contains("Alerts:RollingPeriod", error.Message);
    }
}

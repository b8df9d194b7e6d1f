using EdgeNode.Sensors.Ops243;

namespace EdgeNode.Sensors.Tests.Ops243;

public class PassageTrackerTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 7, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan ReportInterval = TimeSpan.FromMilliseconds(76);

    [Fact]
    public void A_run_of_reports_is_one_passage_at_its_90th_percentile_speed_dated_by_its_last_report()
    {
        var tracker = new PassageTracker(new Ops243Settings());
        double[] speeds = [.. Enumerable.Range(40, 20).Select(s => (double)s)]; // 40 … 59
        DateTimeOffset last = Feed(tracker, T0, speeds);

        List<VehiclePassage> passages = Collect(tracker, last + TimeSpan.FromSeconds(1));

        // Nearest rank: ceil(0.9 × 20) = 18th smallest = 57.
        Assert.Equal([new VehiclePassage(last, TravelDirection.Approaching, 57)], passages);
    }

    [Fact]
    public void A_single_spurious_spike_does_not_become_the_passage_speed()
    {
        var tracker = new PassageTracker(new Ops243Settings());
        DateTimeOffset last = Feed(tracker, T0, [.. Enumerable.Repeat(-50.0, 19), -180.0]);

        VehiclePassage passage = Assert.Single(Collect(tracker, last + TimeSpan.FromSeconds(1)));

        Assert.Equal(TravelDirection.Receding, passage.Direction);
        Assert.Equal(50, passage.SpeedKilometresPerHour);
    }

    [Fact]
    public void A_run_is_open_until_the_hold_time_has_passed_without_a_report()
    {
        var tracker = new PassageTracker(new Ops243Settings { HoldTime = TimeSpan.FromSeconds(1) });
        DateTimeOffset last = Feed(tracker, T0, [30, 31, 32]);

        Assert.Empty(Collect(tracker, last + TimeSpan.FromMilliseconds(999)));
        Assert.Equal(last + TimeSpan.FromSeconds(1), tracker.NextCloseAt);
        Assert.Single(Collect(tracker, last + TimeSpan.FromSeconds(1)));
        Assert.Null(tracker.NextCloseAt);
    }

    [Fact]
    public void Reports_separated_by_more_than_the_hold_time_are_two_passages_and_within_it_one()
    {
        var tracker = new PassageTracker(new Ops243Settings { HoldTime = TimeSpan.FromSeconds(1) });
        DateTimeOffset end = Feed(tracker, T0, [50, 50, 51]);
        end = Feed(tracker, end + TimeSpan.FromMilliseconds(900), [52, 52, 52]); // gap 0.9 s: same vehicle
        end = Feed(tracker, end + TimeSpan.FromMilliseconds(1100), [70, 71, 72]); // gap 1.1 s: next vehicle

        List<VehiclePassage> passages = Collect(tracker, end + TimeSpan.FromSeconds(5));

        Assert.Equal([52.0, 72.0], passages.Select(p => p.SpeedKilometresPerHour));
    }

    [Fact]
    public void Crossing_vehicles_whose_reports_interleave_are_counted_in_both_directions()
    {
        var tracker = new PassageTracker(new Ops243Settings());
        DateTimeOffset at = T0;
        for (int i = 0; i < 30; i++, at += ReportInterval)
        {
            Assert.False(tracker.Add(at, i % 2 == 0 ? 48.0 + (i % 4) : -63.0 - (i % 3)));
        }

        List<VehiclePassage> passages = Collect(tracker, at + TimeSpan.FromSeconds(2));

        Assert.Equal(2, passages.Count);
        Assert.Equal([TravelDirection.Approaching, TravelDirection.Receding], passages.Select(p => p.Direction).Order());
    }

    [Fact]
    public void Fewer_reports_than_the_minimum_are_not_a_vehicle()
    {
        var tracker = new PassageTracker(new Ops243Settings { MinimumReportsPerPassage = 3 });
        DateTimeOffset last = Feed(tracker, T0, [44, 45]);

        Assert.Empty(Collect(tracker, last + TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public void One_value_without_a_break_for_over_a_minute_is_stuck()
    {
        var tracker = new PassageTracker(new Ops243Settings());
        DateTimeOffset at = T0;
        for (; at - T0 <= PassageTracker.StuckLimit; at += ReportInterval)
        {
            Assert.False(tracker.Add(at, 42.6));
        }

        Assert.True(tracker.Add(at, 42.6));
    }

    [Fact]
    public void The_same_speed_again_after_a_gap_is_another_vehicle_not_a_stuck_sensor()
    {
        var tracker = new PassageTracker(new Ops243Settings());
        for (int vehicle = 0; vehicle < 10; vehicle++)
        {
            DateTimeOffset last = Feed(tracker, T0 + TimeSpan.FromSeconds(30 * vehicle), [50, 50, 50, 50]);
            Assert.Single(Collect(tracker, last + TimeSpan.FromSeconds(2)));
        }
    }

    private static DateTimeOffset Feed(PassageTracker tracker, DateTimeOffset from, double[] speeds)
    {
        DateTimeOffset at = from;
        foreach (double speed in speeds)
        {
            Assert.False(tracker.Add(at, speed));
            at += ReportInterval;
        }

        return at - ReportInterval;
    }

    private static List<VehiclePassage> Collect(PassageTracker tracker, DateTimeOffset now)
    {
        var passages = new List<VehiclePassage>();
        tracker.Collect(now, passages);
        return passages;
    }
}

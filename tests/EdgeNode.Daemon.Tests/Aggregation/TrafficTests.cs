using EdgeNode.Daemon.Aggregation;
using EdgeNode.Daemon.Windows;
using EdgeNode.Sensors;
using static EdgeNode.Daemon.Tests.Aggregation.AggregatorRig;

namespace EdgeNode.Daemon.Tests.Aggregation;

public class TrafficTests
{
    private static VehiclePassage Passage(double speedKilometresPerHour, TravelDirection direction = TravelDirection.Approaching, int second = 0) =>
        new(At(10, 1, second), direction, speedKilometresPerHour);

    private static TrafficWindow TrafficOf(IReadOnlyList<VehiclePassage> passages, Action<WindowAggregationOptions>? configure = null)
    {
        var rig = new AggregatorRig(At(10, 0), o =>
        {
            o.VehicleCounterFitted = true;
            configure?.Invoke(o);
        });
        rig.AdvanceTo(At(10, 2));
        rig.Aggregator.RecordPassages(passages);
        return Assert.Single(rig.CloseAt(At(10, 15, 2))).Traffic!;
    }

    [Theory]
    [InlineData(0.0, 0)]
    [InlineData(9.99, 0)]
    [InlineData(10.0, 1)]
    [InlineData(49.5, 4)]
    [InlineData(149.9, 14)]
    [InlineData(150.0, 15)]
    [InlineData(220.0, 15)]
    public void A_speed_falls_in_the_bin_of_its_ten_kilometres_per_hour_the_last_taking_all_from_150(double speed, int bin)
    {
        TrafficWindow traffic = TrafficOf([Passage(speed)]);

        int[] expected = new int[TrafficWindow.BinCount];
        expected[bin] = 1;
        Assert.Equal(expected, traffic.SpeedHistogram);
    }

    [Fact]
    public void Vehicles_are_counted_per_direction_and_both_directions_fill_one_histogram()
    {
        TrafficWindow traffic = TrafficOf(
        [
            Passage(48, TravelDirection.Approaching),
            Passage(52, TravelDirection.Receding),
            Passage(45, TravelDirection.Approaching),
        ]);

        Assert.Equal((2, 1), (traffic.Approaching, traffic.Receding));
        Assert.Equal(2, traffic.SpeedHistogram[4]);
        Assert.Equal(1, traffic.SpeedHistogram[5]);
    }

    [Theory]
    [InlineData(new[] { 50.0 }, 50.0)]
    [InlineData(new[] { 40.0, 10.0, 30.0, 20.0 }, 40.0)]
    [InlineData(new[] { 30.0, 32.0, 35.0, 41.0, 44.0, 50.0, 61.0 }, 50.0)]
    [InlineData(new[] { 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0, 11.0, 12.0, 13.0, 14.0, 15.0, 16.0, 17.0, 18.0, 19.0, 20.0 }, 17.0)]
    public void V85_is_the_nearest_rank_85th_percentile_of_the_speeds(double[] speeds, double v85)
    {
        TrafficWindow traffic = TrafficOf([.. speeds.Select(s => Passage(s))]);

        Assert.Equal(v85, traffic.V85KilometresPerHour);
    }

    [Fact]
    public void V85_of_the_speeds_1_to_100_is_85()
    {
        double[] speeds = [.. Enumerable.Range(1, 100).Select(i => (double)i).Reverse()];

        Assert.Equal(85.0, NearestRankPercentile.Of(speeds, 85));
    }

    [Fact]
    public void Nearest_rank_takes_the_next_value_up_as_soon_as_the_rank_is_not_whole()
    {
        // 0.85 × 21 = 17.85: at least 85 % of 21 vehicles means 18 of them.
        double[] speeds = [.. Enumerable.Range(1, 21).Select(i => (double)i)];

        Assert.Equal(18.0, NearestRankPercentile.Of(speeds, 85));
    }

    [Fact]
    public void A_negative_or_impossible_speed_is_dropped_and_counted()
    {
        var rig = new AggregatorRig(At(10, 0), o => o.VehicleCounterFitted = true);
        rig.AdvanceTo(At(10, 2));

        int counted = rig.Aggregator.RecordPassages([Passage(-3), Passage(double.NaN), Passage(double.PositiveInfinity), Passage(30)]);

        Assert.Equal(1, counted);
        Assert.Equal(3, rig.Aggregator.Counters.InvalidValuesDropped);
    }

    [Fact]
    public void Passages_go_to_the_window_of_their_own_time()
    {
        var rig = new AggregatorRig(At(10, 0), o => o.VehicleCounterFitted = true);
        rig.AdvanceTo(At(10, 15, 1));

        rig.Aggregator.RecordPassages([new(At(10, 14, 59), TravelDirection.Receding, 40), new(At(10, 15, 0), TravelDirection.Receding, 60)]);

        List<ClosedWindow> windows = rig.CloseAt(At(10, 30, 2));
        Assert.Equal([40.0, 60.0], windows.Select(w => w.Traffic!.V85KilometresPerHour!.Value));
    }

    [Fact]
    public void Past_the_bound_the_speeds_kept_are_a_sample_and_V85_an_estimate_while_counts_stay_exact()
    {
        // 1,000 vehicles at 0.1, 0.2 … 100 km/h, shuffled: the exact V85 is 85 km/h.
        var random = new Random(7);
        VehiclePassage[] passages = [.. Enumerable.Range(1, 1000).Select(i => Passage(i / 10.0)).OrderBy(_ => random.Next())];
        var rig = new AggregatorRig(At(10, 0), o =>
        {
            o.VehicleCounterFitted = true;
            o.MaximumSpeedsPerWindow = 200;
        });
        rig.AdvanceTo(At(10, 2));
        rig.Aggregator.RecordPassages(passages);

        TrafficWindow traffic = Assert.Single(rig.CloseAt(At(10, 15, 2))).Traffic!;

        Assert.Equal(1000, traffic.Approaching);
        Assert.Equal(1000, traffic.SpeedHistogram.Sum());
        Assert.InRange(traffic.V85KilometresPerHour!.Value, 78, 92);
        Assert.Equal(1, rig.Aggregator.Counters.ApproximateV85Windows);
    }

    [Fact]
    public void Within_the_bound_V85_is_exact_and_not_counted_as_an_estimate()
    {
        var rig = new AggregatorRig(At(10, 0), o => o.VehicleCounterFitted = true);
        rig.AdvanceTo(At(10, 2));
        rig.Aggregator.RecordPassages([.. Enumerable.Range(1, 1000).Select(i => Passage(i / 10.0))]);

        Assert.Equal(85.0, Assert.Single(rig.CloseAt(At(10, 15, 2))).Traffic!.V85KilometresPerHour);
        Assert.Equal(0, rig.Aggregator.Counters.ApproximateV85Windows);
    }

    [Fact]
    public void Passages_reported_to_a_node_configured_without_traffic_sensor_are_refused_with_what_to_set()
    {
        var rig = new AggregatorRig(At(10, 0));

        InvalidOperationException error = Assert.Throws<InvalidOperationException>(() => rig.Aggregator.RecordPassages([Passage(30)]));

        Assert.Contains("Aggregation:VehicleCounterFitted", error.Message);
    }
}

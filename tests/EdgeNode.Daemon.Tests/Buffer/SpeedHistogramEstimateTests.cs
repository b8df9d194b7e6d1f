using EdgeNode.Daemon.Buffer;

namespace EdgeNode.Daemon.Tests.Buffer;

public sealed class SpeedHistogramEstimateTests
{
    [Fact]
    public void V85_is_interpolated_inside_the_bin_that_holds_the_85th_percentile()
    {
        // 20 vehicles: 85 % is the 17th. 10 lie below 40 km/h, 10 in [40, 50): the 17th is 7/10 into that bin.
        int[] bins = SampleWindows.Bins((3, 10), (4, 10));

        Assert.Equal(47.0, SpeedHistogramEstimate.V85KilometresPerHour(bins)!.Value, 12);
    }

    [Fact]
    public void V85_at_a_bin_edge_is_that_edge()
    {
        // 85 of 100 vehicles lie below 50 km/h exactly.
        int[] bins = SampleWindows.Bins((4, 85), (6, 15));

        Assert.Equal(50.0, SpeedHistogramEstimate.V85KilometresPerHour(bins)!.Value, 12);
    }

    [Fact]
    public void Empty_bins_before_the_percentile_are_skipped()
    {
        // One vehicle at 30–40 km/h: 0.85 of it lies 85 % into its bin.
        int[] bins = SampleWindows.Bins((3, 1));

        Assert.Equal(38.5, SpeedHistogramEstimate.V85KilometresPerHour(bins)!.Value, 12);
    }

    [Fact]
    public void No_vehicle_means_no_v85()
    {
        Assert.Null(SpeedHistogramEstimate.V85KilometresPerHour(new int[16]));
    }
}

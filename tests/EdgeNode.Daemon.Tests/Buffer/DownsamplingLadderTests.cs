using EdgeNode.Daemon.Buffer;

namespace EdgeNode.Daemon.Tests.Buffer;

public sealed class DownsamplingLadderTests
{
    [Theory]
    [InlineData(15, 60)]
    [InlineData(10, 60)]
    [InlineData(60, 240)]
    [InlineData(240, 1440)]
    [InlineData(90, 1440)]
    public void Windows_merge_into_the_next_length_they_divide(int minutes, int mergedMinutes)
    {
        Assert.Equal(TimeSpan.FromMinutes(mergedMinutes), DownsamplingLadder.MergedLength(TimeSpan.FromMinutes(minutes)));
    }

    [Theory]
    [InlineData(1440)]
    [InlineData(7)]
    [InlineData(0)]
    public void Days_and_lengths_that_divide_no_rung_are_not_merged(int minutes)
    {
        Assert.Null(DownsamplingLadder.MergedLength(TimeSpan.FromMinutes(minutes)));
    }
}

using EdgeNode.Sensors;

namespace EdgeNode.Sensors.Tests.Common;

public class StuckValueDetectorTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Identical_raw_values_within_the_limit_are_not_stuck()
    {
        var detector = new StuckValueDetector(TimeSpan.FromMinutes(30));
        Assert.False(detector.IsStuck([512, 77], Start));
        Assert.False(detector.IsStuck([512, 77], Start.AddMinutes(30)));
    }

    [Fact]
    public void Identical_raw_values_past_the_limit_are_stuck_until_they_change()
    {
        var detector = new StuckValueDetector(TimeSpan.FromMinutes(30));
        detector.IsStuck([512, 77], Start);
        Assert.True(detector.IsStuck([512, 77], Start.AddMinutes(31)));
        Assert.False(detector.IsStuck([513, 77], Start.AddMinutes(32)));
        Assert.False(detector.IsStuck([513, 77], Start.AddMinutes(40)));
    }

    [Fact]
    public void Reset_forgets_the_unchanged_history()
    {
        var detector = new StuckValueDetector(TimeSpan.FromMinutes(30));
        detector.IsStuck([1], Start);
        detector.Reset();
        Assert.False(detector.IsStuck([1], Start.AddHours(2)));
    }
}

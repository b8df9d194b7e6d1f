using EdgeNode.Daemon.Windows;

namespace EdgeNode.Daemon.Tests.Buffer;

/// <summary>Field-by-field equality: the records hold lists, which record equality compares by reference.</summary>
internal static class WindowAssert
{
    public static void Same(ClosedWindow expected, ClosedWindow actual)
    {
        Assert.Equal(expected.Start, actual.Start);
        Assert.Equal(expected.Start.Offset, actual.Start.Offset);
        Assert.Equal(expected.Length, actual.Length);
        Assert.Equal(expected.Time, actual.Time);
        Assert.Equal(expected.Partial, actual.Partial);
        Assert.Equal(expected.Sensors.Count, actual.Sensors.Count);
        for (int s = 0; s < expected.Sensors.Count; s++)
        {
            SensorWindow e = expected.Sensors[s];
            SensorWindow a = actual.Sensors[s];
            Assert.Equal(e with { Metrics = [] }, a with { Metrics = [] });
            Assert.Equal(e.Metrics, a.Metrics);
        }

        Assert.Equal(expected.Traffic is null, actual.Traffic is null);
        if (expected.Traffic is { } traffic)
        {
            Assert.Equal(traffic with { SpeedHistogram = [] }, actual.Traffic! with { SpeedHistogram = [] });
            Assert.Equal(traffic.SpeedHistogram, actual.Traffic!.SpeedHistogram);
        }
    }
}

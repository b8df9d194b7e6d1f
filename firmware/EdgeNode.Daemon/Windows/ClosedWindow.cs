namespace EdgeNode.Daemon.Windows;

/// <summary>
/// One closed aggregation window: the unit the node stores durably and sends to the fleet. Windows are
/// aligned to the wall clock (a 15-minute window starts at :00, :15, :30 or :45 UTC).
/// </summary>
/// <param name="Partial">True when the window was closed early (the service stopped) or started late (it started mid-window).</param>
/// <param name="Traffic">Null when no traffic sensor is fitted.</param>
public sealed record ClosedWindow(
    DateTimeOffset Start,
    TimeSpan Length,
    WindowTimeQuality Time,
    bool Partial,
    IReadOnlyList<SensorWindow> Sensors,
    TrafficWindow? Traffic)
{
    public DateTimeOffset End => Start + Length;
}

using EdgeNode.Daemon.Clock;
using EdgeNode.Daemon.Windows;

namespace EdgeNode.Daemon.Buffer;

/// <summary>
/// Dates an Unconfirmed window from its monotonic start once the wall clock is known. The window keeps its length
/// and is not moved onto the wall-clock grid: its re-stamped start is where it really began (to the clock's
/// accuracy), usually between grid points, and rounding it would shift every reading in it by up to half a window
/// and could make it collide with a window recorded after synchronisation. The fleet sees Restamped and knows
/// such a window may be off the grid; the quota never merges it (merging takes aligned slots only).
/// </summary>
internal static class WindowRestamp
{
    public static ClosedWindow Apply(ClosedWindow window, TimeSpan monotonicStart, TimeSpan wallOffset) =>
        window with { Start = BootClock.WallTime(monotonicStart, wallOffset), Time = WindowTimeQuality.Restamped };
}

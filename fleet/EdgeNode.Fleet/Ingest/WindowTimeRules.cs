using System.Globalization;
using EdgeNode.Protocol.Messages;

namespace EdgeNode.Fleet.Ingest;

/// <summary>
/// The dates the fleet believes (firmware/EdgeNode.Protocol/README.md, "Time rules"): a window that breaks one would
/// put readings at a time they were not taken, so its batch is refused whole, with the first problem as the reason.
/// </summary>
public static class WindowTimeRules
{
    /// <summary>No EdgeNode ran before this: an earlier start is a clock that was never set or a start mis-encoded.</summary>
    public static readonly DateTimeOffset EarliestStart = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>How far past its arrival a window may start: clocks drift, but not by days.</summary>
    public static readonly TimeSpan LatestAfterArrival = TimeSpan.FromDays(1);

    /// <summary>Null when every window's date is plausible; otherwise the first problem, naming the window.</summary>
    public static string? Problem(IReadOnlyList<WireWindow> windows, DateTimeOffset receivedAt)
    {
        for (int i = 0; i < windows.Count; i++)
        {
            WireWindow w = windows[i];
            if (w.Start < EarliestStart)
            {
                return $"window {i + 1} starts at {Format(w.Start)}, before {Format(EarliestStart)}, the earliest the fleet accepts (a clock never set, or a start not counted from 1970)";
            }
            if (w.Start > receivedAt + LatestAfterArrival)
            {
                return $"window {i + 1} starts at {Format(w.Start)}, more than a day after it was received";
            }
            // Re-stamped windows start where they really began, between grid points; unconfirmed ones carry an untrusted date.
            if (w.Time == WireTimeQuality.Synchronised && w.Start.ToUnixTimeSeconds() % w.LengthSeconds != 0)
            {
                return $"window {i + 1} starts at {Format(w.Start)}, off its {w.LengthSeconds}-second grid (a synchronised window starts at a whole multiple of its length since 1970-01-01 UTC)";
            }
        }

        // Sorted copies, so that a batch need not be in order for its overlaps to be found.
        var synchronised = windows.Select((w, i) => (Window: w, Number: i + 1)).Where(x => x.Window.Time == WireTimeQuality.Synchronised).OrderBy(x => x.Window.Start).ToList();
        for (int i = 1; i < synchronised.Count; i++)
        {
            (WireWindow? previous, int previousNumber) = synchronised[i - 1];
            (WireWindow? current, int number) = synchronised[i];
            if (current.Start < previous.Start.AddSeconds(previous.LengthSeconds))
            {
                return $"window {number} ({Format(current.Start)}, {current.LengthSeconds} s) overlaps window {previousNumber} ({Format(previous.Start)}, {previous.LengthSeconds} s)";
            }
        }
        return null;
    }

    private static string Format(DateTimeOffset instant) => instant.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);
}

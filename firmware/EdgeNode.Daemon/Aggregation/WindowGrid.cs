using System.Diagnostics.CodeAnalysis;

namespace EdgeNode.Daemon.Aggregation;

/// <summary>
/// Where windows fall: a window of length L starts at a whole multiple of L after midnight UTC. Because L divides
/// a day, and DateTimeOffset ticks count from a midnight, that is simply the timestamp rounded down to L.
/// </summary>
internal readonly struct WindowGrid
{
    private static readonly TimeSpan Day = TimeSpan.FromDays(1);

    // Shorter windows are a setting error, not a use: the node's whole point is to send little.
    private static readonly TimeSpan Shortest = TimeSpan.FromMinutes(1);

    public WindowGrid(TimeSpan length)
    {
        if (!IsValidLength(length, out string? problem))
        {
            throw new ArgumentOutOfRangeException(nameof(length), problem);
        }

        Length = length;
    }

    public TimeSpan Length { get; }

    public static bool IsValidLength(TimeSpan length, [NotNullWhen(false)] out string? problem)
    {
        if (length < Shortest || length > Day || Day.Ticks % length.Ticks != 0)
        {
            problem = $"{WindowAggregationOptions.SectionName}:{nameof(WindowAggregationOptions.WindowLength)} is {length}; it must divide a day " +
                "into whole windows and be at least one minute, e.g. 00:05:00, 00:10:00, 00:15:00 (default), 00:30:00 or 01:00:00.";
            return false;
        }

        problem = null;
        return true;
    }

    /// <summary>The start of the window that contains <paramref name="at"/>, in UTC.</summary>
    public DateTimeOffset StartOf(DateTimeOffset at)
    {
        long ticks = at.UtcTicks;
        return new DateTimeOffset(ticks - (ticks % Length.Ticks), TimeSpan.Zero);
    }
}

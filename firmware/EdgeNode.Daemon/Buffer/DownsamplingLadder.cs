namespace EdgeNode.Daemon.Buffer;

/// <summary>
/// The window lengths the quota keeper merges into, finest first: 15-minute windows become hours, hours become
/// 4-hour blocks (six a day: night, morning rush, midday… still tell apart), 4-hour blocks become UTC days. The
/// factor 4 between the first two rungs keeps merges small, so resolution is lost as gradually as the quota allows;
/// beyond a day the data says little a yearly trend needs, so the next step is dropping.
/// </summary>
internal static class DownsamplingLadder
{
    private static readonly TimeSpan[] Rungs = [TimeSpan.FromHours(1), TimeSpan.FromHours(4), TimeSpan.FromDays(1)];

    /// <summary>The length windows of <paramref name="length"/> merge into, or null when they are already the coarsest.</summary>
    /// <remarks>A rung qualifies only if it is a whole multiple of the length, so merged windows stay aligned.</remarks>
    public static TimeSpan? MergedLength(TimeSpan length)
    {
        if (length <= TimeSpan.Zero)
        {
            return null;
        }

        foreach (TimeSpan rung in Rungs)
        {
            if (rung > length && rung.Ticks % length.Ticks == 0)
            {
                return rung;
            }
        }

        return null;
    }
}

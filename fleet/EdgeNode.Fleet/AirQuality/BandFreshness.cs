namespace EdgeNode.Fleet.AirQuality;

/// <summary>
/// How old a node's newest window may be before its band stops being current. A node sends what it measured once per
/// sync, so just before a sync its newest window at the fleet ended up to a sync interval and a window ago; the band
/// stays on through that, plus <see cref="Margin"/> for a slow sync, and goes out only when the node is really late.
/// </summary>
public sealed record BandFreshness
{
    /// <param name="syncInterval">How often the node sends its windows, as the fleet knows it.</param>
    /// <param name="margin">The lateness allowed beyond that, for a slow sync or link.</param>
    /// <exception cref="ArgumentOutOfRangeException">The interval is not positive or the margin is negative.</exception>
    public BandFreshness(TimeSpan syncInterval, TimeSpan margin)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(syncInterval, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(margin, TimeSpan.Zero);
        SyncInterval = syncInterval;
        Margin = margin;
    }

    public TimeSpan SyncInterval { get; }

    public TimeSpan Margin { get; }

    /// <summary>The oldest a newest window of <paramref name="windowLength"/> may be and still give the current band.</summary>
    public TimeSpan LateAfter(TimeSpan windowLength) => SyncInterval + windowLength + Margin;

    /// <summary>Whether a window of <paramref name="windowLength"/> that ended at <paramref name="end"/> is still current at <paramref name="now"/>.</summary>
    public bool IsCurrent(DateTimeOffset end, TimeSpan windowLength, DateTimeOffset now) => now - end <= LateAfter(windowLength);
}

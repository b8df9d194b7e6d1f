namespace EdgeNode.Sensors;

/// <summary>
/// Watches a sensor's raw output. Real ADCs and particle counters jitter; raw values that stay identical
/// for longer than <paramref name="maximumUnchanged"/> mean frozen firmware or a dead converter, not a
/// calm day. Each driver picks the limit its physics allows.
/// </summary>
public sealed class StuckValueDetector(TimeSpan maximumUnchanged)
{
    private long[] _last = [];
    private DateTimeOffset _unchangedSince;

    public TimeSpan MaximumUnchanged { get; } = maximumUnchanged;

    /// <summary>Records the raw values seen at <paramref name="now"/>; true when they have not changed for longer than the limit.</summary>
    public bool IsStuck(ReadOnlySpan<long> raw, DateTimeOffset now)
    {
        if (!raw.SequenceEqual(_last))
        {
            _last = raw.ToArray();
            _unchangedSince = now;
            return false;
        }

        return now - _unchangedSince > MaximumUnchanged;
    }

    /// <summary>Forgets the history, for example after the sensor was asleep.</summary>
    public void Reset() => _last = [];
}

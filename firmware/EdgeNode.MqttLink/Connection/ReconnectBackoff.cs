namespace EdgeNode.MqttLink.Connection;

/// <summary>
/// Exponential back-off with full jitter: each delay is uniform in [0, min(max, minimum × 2^attempt)].
/// The jitter matters when a broker restarts: a thousand nodes must not all come back in the same second.
/// </summary>
internal sealed class ReconnectBackoff(TimeSpan minimum, TimeSpan maximum, Random? random = null)
{
    private readonly Random _random = random ?? Random.Shared;
    private int _attempt;

    /// <summary>The upper bound of the next delay, before jitter.</summary>
    public TimeSpan Ceiling
    {
        get
        {
            double factor = Math.Pow(2, Math.Min(_attempt, 30));
            double ticks = Math.Min(maximum.Ticks, minimum.Ticks * factor);
            return TimeSpan.FromTicks((long)ticks);
        }
    }

    public TimeSpan Next()
    {
        TimeSpan ceiling = Ceiling;
        _attempt++;
        return TimeSpan.FromTicks((long)(_random.NextDouble() * ceiling.Ticks));
    }

    public void Reset() => _attempt = 0;
}

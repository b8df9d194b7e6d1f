namespace EdgeNode.Daemon.Sampling;

/// <summary>
/// How long to wait after consecutive failures: doubling from <paramref name="first"/> up to
/// <paramref name="maximum"/>, with ±20 % jitter so that sensors failing together (a power dip) do not
/// retry in lock-step.
/// </summary>
public sealed class FaultBackoff(TimeSpan first, TimeSpan maximum, Random random)
{
    public static FaultBackoff Default => new(TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(15), Random.Shared);

    public TimeSpan Delay(int consecutiveFailures)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(consecutiveFailures, 1);
        double doubled = first.TotalMilliseconds * Math.Pow(2, Math.Min(consecutiveFailures - 1, 30));
        double capped = Math.Min(doubled, maximum.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(Math.Round(capped * (0.8 + (0.4 * random.NextDouble()))));
    }
}

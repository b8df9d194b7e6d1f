namespace EdgeNode.Daemon.Uplink;

/// <summary>
/// Spaces sends so that on average no more than the configured bytes per second go out: each send of n bytes
/// makes the next one wait n / rate seconds. Simpler than a token bucket and enough for one sender.
/// </summary>
public sealed class ByteRatePacer(TimeProvider time)
{
    private DateTimeOffset _nextAllowed = DateTimeOffset.MinValue;

    public async Task WaitAsync(int bytes, int bytesPerSecond, CancellationToken cancellationToken)
    {
        DateTimeOffset now = time.GetUtcNow();
        if (_nextAllowed > now)
        {
            await Task.Delay(_nextAllowed - now, time, cancellationToken);
            now = time.GetUtcNow();
        }
        _nextAllowed = (_nextAllowed > now ? _nextAllowed : now) + TimeSpan.FromSeconds((double)bytes / bytesPerSecond);
    }
}

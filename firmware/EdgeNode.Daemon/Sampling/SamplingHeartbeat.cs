using System.Collections.Concurrent;

namespace EdgeNode.Daemon.Sampling;

/// <summary>
/// Each sampling loop beats after every pass; the systemd watchdog is fed only while every loop has beaten
/// within the time it may legitimately take, so a hung loop gets the service restarted.
/// </summary>
public sealed class SamplingHeartbeat(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, (DateTimeOffset At, TimeSpan MaySilentlyTake)> _beats = new();

    /// <param name="maySilentlyTake">The longest this loop may go before its next beat: its interval or back-off, plus margin.</param>
    public void Beat(string loop, TimeSpan maySilentlyTake) => _beats[loop] = (time.GetUtcNow(), maySilentlyTake);

    /// <summary>The loops that are late, empty when all are alive.</summary>
    public IReadOnlyList<string> LateLoops()
    {
        DateTimeOffset now = time.GetUtcNow();
        return _beats.Where(b => now - b.Value.At > b.Value.MaySilentlyTake).Select(b => b.Key).Order(StringComparer.Ordinal).ToArray();
    }
}

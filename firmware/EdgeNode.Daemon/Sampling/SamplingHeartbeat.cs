using System.Collections.Concurrent;

namespace EdgeNode.Daemon.Sampling;

/// <summary>
/// Each sampling loop beats after every pass. A loop is late when it has not beaten within the time its pass may take
/// on the node's clock and, as well, within <see cref="RealTimeFloor"/> of real time: on an emulated clock sped up a
/// thousand times a pass's allowance is milliseconds, below a busy machine's scheduling jitter, and lateness must mean
/// the same at any speed. One late loop is one stalled sensor (its readings go stale); the process is hung only when
/// no loop progresses, and only then is the systemd watchdog left unfed (<see cref="IsHung"/>).
/// </summary>
/// <param name="time">The node's clock, on which the loops schedule their passes.</param>
/// <param name="realTime">The real clock, for the floor; the node's clock when that is the real one (the default).</param>
public sealed class SamplingHeartbeat(TimeProvider time, TimeProvider? realTime = null)
{
    /// <summary>How long of real time a loop may go without beating, at the least, before it counts as late.</summary>
    public static readonly TimeSpan RealTimeFloor = TimeSpan.FromMinutes(1);

    private readonly TimeProvider _real = realTime ?? time;
    private readonly ConcurrentDictionary<string, (DateTimeOffset At, long RealTimestamp, TimeSpan MaySilentlyTake)> _beats = new();

    /// <param name="maySilentlyTake">The longest this loop may go before its next beat: its interval or back-off, plus margin.</param>
    public void Beat(string loop, TimeSpan maySilentlyTake) => _beats[loop] = (time.GetUtcNow(), _real.GetTimestamp(), maySilentlyTake);

    /// <summary>The loops that are late, empty when all are alive.</summary>
    public IReadOnlyList<string> LateLoops()
    {
        DateTimeOffset now = time.GetUtcNow();
        return _beats
            .Where(b => now - b.Value.At > b.Value.MaySilentlyTake && _real.GetElapsedTime(b.Value.RealTimestamp) > RealTimeFloor)
            .Select(b => b.Key).Order(StringComparer.Ordinal).ToArray();
    }

    /// <summary>True when every loop that ever beat is late: nothing in the process makes progress, and a restart is the cure.</summary>
    public bool IsHung => !_beats.IsEmpty && LateLoops().Count == _beats.Count;
}

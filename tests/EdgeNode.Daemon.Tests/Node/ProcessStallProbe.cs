using System.Diagnostics;

namespace EdgeNode.Daemon.Tests.Node;

/// <summary>
/// Tells when the machine, not the node, held the test process: a thread of its own that sleeps a millisecond at a
/// time and notes, on the emulated clock, each time it woke far too late. On its own thread, not the thread pool, so
/// that a node blocking pool threads (a synchronous read, a starved pool) is not taken for a busy machine.
/// </summary>
internal sealed class ProcessStallProbe : IDisposable
{
    /// <summary>An oversleep at least this long is the process held by the machine, not timer granularity.</summary>
    public static readonly TimeSpan StallAtLeast = TimeSpan.FromMilliseconds(10);

    private readonly TimeProvider _emulated;
    private readonly List<(DateTimeOffset From, DateTimeOffset To, TimeSpan Real)> _stalls = [];
    private readonly Lock _lock = new();
    private readonly Thread _thread;
    private volatile bool _stop;

    public ProcessStallProbe(TimeProvider emulated)
    {
        _emulated = emulated;
        _thread = new Thread(Watch) { IsBackground = true, Name = "stall-probe" };
        _thread.Start();
    }

    /// <summary>Real time the process was held during the emulated span [<paramref name="from"/>, <paramref name="to"/>).</summary>
    public TimeSpan HeldDuring(DateTimeOffset from, DateTimeOffset to)
    {
        lock (_lock)
        {
            return TimeSpan.FromTicks(_stalls.Where(s => s.From < to && s.To > from).Sum(s => s.Real.Ticks));
        }
    }

    public void Dispose()
    {
        _stop = true;
        _thread.Join();
    }

    private void Watch()
    {
        while (!_stop)
        {
            DateTimeOffset from = _emulated.GetUtcNow();
            long before = Stopwatch.GetTimestamp();
            Thread.Sleep(1);
            TimeSpan over = Stopwatch.GetElapsedTime(before) - TimeSpan.FromMilliseconds(1);
            if (over >= StallAtLeast)
            {
                lock (_lock)
                {
                    _stalls.Add((from, _emulated.GetUtcNow(), over));
                }
            }
        }
    }
}

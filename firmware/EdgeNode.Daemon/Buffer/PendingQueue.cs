namespace EdgeNode.Daemon.Buffer;

/// <summary>
/// The bounded memory queue between the sampler and the writer. Full, it drops its oldest window (the newest data
/// is the likelier to matter when the disk comes back) and remembers the span dropped, to be stored as a gap with
/// the next window that reaches the disk. The window the writer is storing sits outside the queue, so it can
/// never be counted as dropped and stored both.
/// </summary>
internal sealed class PendingQueue(int capacity)
{
    private readonly Lock _gate = new();
    private readonly LinkedList<PendingWindow> _queue = new();
    private PendingWindow? _inFlight;
    private DroppedSpan? _overflow;
    private bool _closed;

    /// <summary>Windows held in memory, the one being written included.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _queue.Count + (_inFlight is null ? 0 : 1);
            }
        }
    }

    /// <returns>False once closed.</returns>
    public bool Add(PendingWindow window)
    {
        PendingWindow? dropped = null;
        lock (_gate)
        {
            if (_closed)
            {
                return false;
            }

            if (_queue.Count >= capacity)
            {
                dropped = _queue.First!.Value;
                _queue.RemoveFirst();
                _overflow = DroppedSpan.Combine(_overflow, DroppedSpan.Of(dropped.Window.Start, dropped.Window.End));
            }

            _queue.AddLast(window);
        }

        dropped?.Stored.TrySetException(new WindowDroppedException(
            $"The window starting {dropped.Window.Start:u} was dropped from memory: storage kept failing for {capacity} windows. It is recorded as a gap for the fleet."));
        return true;
    }

    /// <summary>Hands the oldest window to the writer, with the overflow to record alongside it.</summary>
    public (PendingWindow Window, DroppedSpan? Overflow)? Take()
    {
        lock (_gate)
        {
            if (_inFlight is not null)
            {
                throw new InvalidOperationException("The writer already holds a window.");
            }

            if (_queue.First is not { } first)
            {
                return null;
            }

            _queue.RemoveFirst();
            _inFlight = first.Value;
            DroppedSpan? overflow = _overflow;
            _overflow = null;
            return (_inFlight, overflow);
        }
    }

    public void Stored()
    {
        lock (_gate)
        {
            _inFlight = null;
        }
    }

    /// <summary>Storing failed: the window goes back to the front, the overflow back to be recorded later.</summary>
    public void NotStored(DroppedSpan? overflow)
    {
        lock (_gate)
        {
            if (_inFlight is not null)
            {
                _queue.AddFirst(_inFlight);
                _inFlight = null;
            }

            if (overflow is { } lost)
            {
                _overflow = DroppedSpan.Combine(_overflow, lost);
            }
        }
    }

    /// <summary>Refuses new windows and returns those still waiting, for the caller to fail.</summary>
    public List<PendingWindow> Close()
    {
        lock (_gate)
        {
            _closed = true;
            var left = _queue.ToList();
            _queue.Clear();
            return left;
        }
    }
}

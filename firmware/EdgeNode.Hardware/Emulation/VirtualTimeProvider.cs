namespace EdgeNode.Hardware.Emulation;

/// <summary>
/// A clock for emulation and tests in which every wait completes at once and moves the clock forward by
/// its length. Drivers and emulators that share it see time pass exactly as they would on hardware
/// (warm-ups, measurement durations, streamed frames), without anyone waiting for it. Meant for one
/// sequence of waits at a time: concurrent waits each add their own length. A poll loop should wait whole
/// milliseconds: .NET may complete a shorter delay without creating a timer, so the clock would not move.
/// </summary>
public sealed class VirtualTimeProvider(DateTimeOffset start) : TimeProvider
{
    private readonly Lock _lock = new();
    private TimeSpan _elapsed;

    public VirtualTimeProvider()
        : this(new DateTimeOffset(2026, 1, 15, 8, 0, 0, TimeSpan.Zero))
    {
    }

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override DateTimeOffset GetUtcNow()
    {
        lock (_lock)
        {
            return start + _elapsed;
        }
    }

    public override long GetTimestamp()
    {
        lock (_lock)
        {
            return _elapsed.Ticks;
        }
    }

    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        lock (_lock)
        {
            _elapsed += by;
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new VirtualTimer();
        if (dueTime != Timeout.InfiniteTimeSpan)
        {
            Advance(dueTime);
            // Queued rather than called inline: Task.Delay must finish creating its timer first.
            ThreadPool.QueueUserWorkItem(_ =>
            {
                if (!timer.Disposed)
                {
                    callback(state);
                }
            });
        }

        return timer;
    }

    /// <summary>Fires once; periodic timers are not needed by anything that runs on this clock.</summary>
    private sealed class VirtualTimer : ITimer
    {
        public bool Disposed { get; private set; }

        public bool Change(TimeSpan dueTime, TimeSpan period) => false;

        public void Dispose() => Disposed = true;

        public ValueTask DisposeAsync()
        {
            Disposed = true;
            return ValueTask.CompletedTask;
        }
    }
}

using System.Diagnostics;

namespace EdgeNode.Hardware.Emulation;

/// <summary>
/// The wall clock sped up by a factor, for the emulated node: at 1 000 a day passes in under a minute and a half,
/// and everything that waits (sampling loops, warm-ups, streamed frames) waits proportionally less. Unlike
/// <see cref="VirtualTimeProvider"/> concurrent waits are independent, as on a real clock; the price is that very
/// short waits shrink below the operating system's timer resolution and fire late, relatively.
/// </summary>
/// <remarks>
/// Started in the past with <c>catchUp</c>, the clock runs fast only until it reaches the real time and then goes
/// at the real pace: an emulated node can live through a week of history in minutes and carry on in the present,
/// never producing windows dated in the future.
/// </remarks>
public sealed class ScaledTimeProvider : TimeProvider
{
    private readonly DateTimeOffset _start;
    private readonly long _startTimestamp = Stopwatch.GetTimestamp();
    private long _steppedTicks;

    // Real time after which the clock goes at the real pace; infinite when it never catches up.
    private readonly TimeSpan _catchUpAfter = TimeSpan.MaxValue;

    /// <param name="factor">How many seconds pass per real second; at least 1.</param>
    /// <param name="start">What the clock reads now.</param>
    /// <param name="catchUp">When <paramref name="start"/> lies in the past: slow to real time once the clock reaches the present.</param>
    public ScaledTimeProvider(double factor, DateTimeOffset start, bool catchUp = false)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(factor, 1.0);
        Factor = factor;
        _start = start;
        TimeSpan behind = DateTimeOffset.UtcNow - start;
        if (catchUp && factor > 1 && behind > TimeSpan.Zero)
        {
            _catchUpAfter = behind / (factor - 1);
        }
    }

    public double Factor { get; }

    /// <summary>True once a catching-up clock has reached the present.</summary>
    public bool CaughtUp => Stopwatch.GetElapsedTime(_startTimestamp) >= _catchUpAfter;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override DateTimeOffset GetUtcNow() => _start + TimeSpan.FromTicks(Interlocked.Read(ref _steppedTicks)) + Scaled(Stopwatch.GetElapsedTime(_startTimestamp));

    /// <summary>
    /// Sets the wall clock forward (or back, negative) by <paramref name="by"/>, as NTP or a technician sets a node's
    /// clock. Timestamps and waits go on undisturbed, as CLOCK_MONOTONIC and timers do on Linux.
    /// </summary>
    public void Step(TimeSpan by) => Interlocked.Add(ref _steppedTicks, by.Ticks);

    public override long GetTimestamp() => Scaled(Stopwatch.GetElapsedTime(_startTimestamp)).Ticks;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        new ScaledTimer(this, callback, state, dueTime, period);

    private TimeSpan Scaled(TimeSpan real) => real < _catchUpAfter
        ? TimeSpan.FromTicks((long)(real.Ticks * Factor))
        : TimeSpan.FromTicks((long)(_catchUpAfter.Ticks * Factor)) + (real - _catchUpAfter);

    /// <summary>The real time from now until the emulated clock has advanced by <paramref name="scaled"/>.</summary>
    private TimeSpan RealDue(TimeSpan scaled)
    {
        if (scaled == Timeout.InfiniteTimeSpan || scaled <= TimeSpan.Zero)
        {
            return scaled;
        }
        TimeSpan now = Stopwatch.GetElapsedTime(_startTimestamp);
        TimeSpan target = Scaled(now) + scaled;
        TimeSpan fastPart = _catchUpAfter == TimeSpan.MaxValue ? TimeSpan.MaxValue : TimeSpan.FromTicks((long)(_catchUpAfter.Ticks * Factor));
        TimeSpan realTarget = target <= fastPart
            ? TimeSpan.FromTicks((long)Math.Ceiling(target.Ticks / Factor))
            : _catchUpAfter + (target - fastPart);
        return RoundUp(realTarget - now);
    }

    private TimeSpan RealPeriod(TimeSpan scaled) =>
        scaled == Timeout.InfiniteTimeSpan || scaled <= TimeSpan.Zero ? scaled : RoundUp(CaughtUp ? scaled : scaled / Factor);

    /// <summary>
    /// Rounded up to whole milliseconds, plus one: timers round a shorter due time down to nothing and fire at
    /// once. A timer may still fire a little early (see <see cref="ScaledTimer"/>).
    /// </summary>
    private static TimeSpan RoundUp(TimeSpan real) => TimeSpan.FromMilliseconds(Math.Ceiling(Math.Max(0, real.TotalMilliseconds)) + 1);

    /// <summary>
    /// A system timer on the scaled clock. The runtime's timers run on a coarse millisecond clock and fire up to a
    /// few milliseconds early against the Stopwatch this clock reads (seconds at a factor of 1 000), so a one-shot
    /// timer that fires before its emulated time waits again for the rest: a wait that ends before its time (a sensor
    /// read before its measurement is done) is wrong, while one that ends a little late is only slow.
    /// </summary>
    private sealed class ScaledTimer : ITimer
    {
        private readonly ScaledTimeProvider _clock;
        private readonly TimerCallback _callback;
        private readonly object? _state;
        private readonly ITimer _inner;
        private readonly Lock _gate = new();

        // Emulated timestamp at which a one-shot timer is due; long.MaxValue for a periodic or stopped one.
        private long _due = long.MaxValue;

        public ScaledTimer(ScaledTimeProvider clock, TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            _clock = clock;
            _callback = callback;
            _state = state;
            _inner = System.CreateTimer(static timer => ((ScaledTimer)timer!).Fire(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            Change(dueTime, period);
        }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (_gate)
            {
                bool oneShot = period == Timeout.InfiniteTimeSpan && dueTime > TimeSpan.Zero && dueTime != Timeout.InfiniteTimeSpan;
                _due = oneShot ? _clock.GetTimestamp() + dueTime.Ticks : long.MaxValue;
                return _inner.Change(_clock.RealDue(dueTime), _clock.RealPeriod(period));
            }
        }

        private void Fire()
        {
            lock (_gate)
            {
                long early = _due == long.MaxValue ? 0 : _due - _clock.GetTimestamp();
                if (early > 0)
                {
                    _inner.Change(_clock.RealDue(TimeSpan.FromTicks(early)), Timeout.InfiniteTimeSpan);
                    return;
                }
            }
            _callback(_state);
        }

        public void Dispose() => _inner.Dispose();

        public ValueTask DisposeAsync() => _inner.DisposeAsync();
    }
}

using System.Diagnostics;

namespace EdgeNode.Hardware.Emulation;

/// <summary>
/// The wall clock sped up by a factor, for the emulated node: at 10 080 a week passes in a minute, and
/// everything that waits (sampling loops, warm-ups, streamed frames) waits proportionally less. Unlike
/// <see cref="VirtualTimeProvider"/> concurrent waits are independent, as on a real clock; the price is
/// that very short waits shrink below the operating system's timer resolution and fire late, relatively.
/// </summary>
public sealed class ScaledTimeProvider : TimeProvider
{
    private readonly DateTimeOffset _start;
    private readonly long _startTimestamp = Stopwatch.GetTimestamp();
    private long _steppedTicks;

    /// <param name="factor">How many seconds pass per real second; at least 1.</param>
    /// <param name="start">What the clock reads now.</param>
    public ScaledTimeProvider(double factor, DateTimeOffset start)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(factor, 1.0);
        Factor = factor;
        _start = start;
    }

    public double Factor { get; }

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
        new ScaledTimer(System.CreateTimer(callback, state, Real(dueTime), Real(period)), this);

    private TimeSpan Scaled(TimeSpan real) => TimeSpan.FromTicks((long)(real.Ticks * Factor));

    /// <summary>
    /// Rounded up to whole milliseconds, plus one: timers round a shorter due time down to nothing and fire at
    /// once, and may fire up to a millisecond early. A wait that ends before its time (a sensor read before its
    /// measurement is done) is wrong, while one that ends a little late is only slow.
    /// </summary>
    private TimeSpan Real(TimeSpan scaled) =>
        scaled == Timeout.InfiniteTimeSpan || scaled <= TimeSpan.Zero ? scaled : TimeSpan.FromMilliseconds(Math.Ceiling(scaled.TotalMilliseconds / Factor) + 1);

    private sealed class ScaledTimer(ITimer inner, ScaledTimeProvider clock) : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => inner.Change(clock.Real(dueTime), clock.Real(period));

        public void Dispose() => inner.Dispose();

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}

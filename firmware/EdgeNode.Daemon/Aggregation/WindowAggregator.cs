using System.Threading.Channels;
using EdgeNode.Daemon.Windows;
using EdgeNode.Sensors;

namespace EdgeNode.Daemon.Aggregation;

/// <summary>
/// Turns readings, faults and vehicle passages into windows aligned to the wall clock (UTC), keeping running
/// figures only, never the samples (except the speeds V85 needs, bounded). Every record goes to the window its
/// own timestamp falls in; a window closes once the clock is <see cref="WindowAggregationOptions.LateArrivalGrace"/>
/// past its end and is written to <see cref="ClosedWindows"/>, in order, empty windows included so that a gap
/// shows. Safe to call from several sensor loops at once.
/// </summary>
/// <remarks>
/// A valid reading stands for the time from its timestamp until the next reading is due (a sample-and-hold), so
/// coverage is the part of a window inside those spans. Spans that overlap are counted once, and a span that runs
/// past the end of its window covers the start of the next one: a sensor read regularly covers every window fully,
/// whatever the phase of its readings.
/// </remarks>
public sealed class WindowAggregator
{
    private static readonly TimeSpan LongestStandsFor = TimeSpan.FromDays(1);

    private readonly Lock _lock = new();
    private readonly WindowAggregationOptions _options;
    private readonly WindowGrid _grid;
    private readonly TimeProvider _time;
    private readonly Channel<ClosedWindow> _closed = Channel.CreateUnbounded<ClosedWindow>();
    private readonly SortedDictionary<DateTimeOffset, WindowAccumulator> _open = [];
    private readonly CoverageLedger _coverage;
    private readonly Func<DateTimeOffset, WindowAccumulator> _windowAt;

    // Each fitted sensor and the fault it is in (null after a valid reading), for the windows in which it gave nothing.
    private readonly SortedDictionary<string, SensorFaultKind?> _fitted = new(StringComparer.Ordinal);

    // The earliest window not yet emitted; every window from here on is open.
    private DateTimeOffset _cursor;
    private DateTimeOffset _observingSince;

    // Wall clock minus monotonic clock when last looked at: it changes only when the wall clock is stepped, not when
    // the process stalls, so that a stall still emits every window it lasted.
    private TimeSpan _wallAhead;
    private WindowTimeQuality _timeQuality = WindowTimeQuality.Synchronised;
    private WindowTimeQuality _worstSinceCursor = WindowTimeQuality.Synchronised;
    private bool _stopped;
    private long _late;
    private long _early;
    private long _invalid;
    private long _clockSteps;
    private long _approximateV85;

    /// <exception cref="ArgumentException">The settings are out of range; the message says which and what to set.</exception>
    public WindowAggregator(WindowAggregationOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        options.Validate();

        // A copy: a settings object changed later must not move windows already open.
        _options = new WindowAggregationOptions
        {
            WindowLength = options.WindowLength,
            LateArrivalGrace = options.LateArrivalGrace,
            VehicleCounterFitted = options.VehicleCounterFitted,
            MaximumSpeedsPerWindow = options.MaximumSpeedsPerWindow,
            ClockStepThreshold = options.ClockStepThreshold,
        };
        _grid = new WindowGrid(_options.WindowLength);
        _coverage = new CoverageLedger(_grid);
        _windowAt = Window;
        _time = time;

        DateTimeOffset now = time.GetUtcNow();
        _cursor = _grid.StartOf(now);
        _observingSince = now;
        _wallAhead = WallAhead(now);
    }

    public TimeSpan WindowLength => _options.WindowLength;

    /// <summary>Closed windows, oldest first. Completed by <see cref="Stop"/>.</summary>
    public ChannelReader<ClosedWindow> ClosedWindows => _closed.Reader;

    /// <summary>
    /// How far the clock can be trusted now, as the clock service judges it. A window carries the worst quality
    /// in force while it was open.
    /// </summary>
    public WindowTimeQuality TimeQuality
    {
        get
        {
            lock (_lock)
            {
                return _timeQuality;
            }
        }

        set
        {
            lock (_lock)
            {
                _timeQuality = value;
                _worstSinceCursor = Worse(_worstSinceCursor, value);
            }
        }
    }

    public AggregationCounters Counters
    {
        get
        {
            lock (_lock)
            {
                return new AggregationCounters(_late, _early, _invalid, _clockSteps, _approximateV85);
            }
        }
    }

    /// <summary>
    /// The sensor is fitted: every window from now on carries it, and a window in which it gave nothing (a long
    /// back-off after a fault, a stalled loop) says why, with the fault it is in, or <see cref="SensorFaultKind.Stale"/>
    /// when none is known, so that the fleet sees a fault rather than no data.
    /// </summary>
    public void Expect(string sensor)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sensor);
        lock (_lock)
        {
            _fitted.TryAdd(sensor, null);
        }
    }

    /// <summary>Records one valid reading.</summary>
    /// <param name="sensor">The sensor's configured name, e.g. "bme280".</param>
    /// <param name="measurements">
    /// The values read. May be empty: a traffic sensor that listened without fault reports its listening time
    /// this way, so that "no vehicle" can be told from "not listening".
    /// </param>
    /// <param name="standsFor">How long this reading stands for: normally the sensor's sampling interval.</param>
    /// <returns>False when the reading was dropped because its window is closed or lies too far ahead.</returns>
    public bool RecordReading(string sensor, IReadOnlyList<Measurement> measurements, DateTimeOffset at, TimeSpan standsFor)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sensor);
        ArgumentNullException.ThrowIfNull(measurements);
        if (standsFor < TimeSpan.Zero || standsFor > LongestStandsFor)
        {
            throw new ArgumentOutOfRangeException(nameof(standsFor), standsFor,
                "A reading stands for between zero and one day: pass the sensor's sampling interval.");
        }

        lock (_lock)
        {
            if (Admit(at) is not { } window)
            {
                return false;
            }

            SensorAccumulator accumulator = window.Sensor(sensor);
            int valid = 0;
            foreach (Measurement measurement in measurements)
            {
                if (double.IsFinite(measurement.Value))
                {
                    accumulator.Add(measurement, at);
                    valid++;
                }
                else
                {
                    _invalid++;
                }
            }

            if (valid > 0 || measurements.Count == 0)
            {
                if (_fitted.ContainsKey(sensor))
                {
                    _fitted[sensor] = null;
                }

                _coverage.Credit(sensor, at, at + standsFor, _windowAt);
            }

            return true;
        }
    }

    /// <summary>Records one failed reading.</summary>
    /// <returns>False when dropped because its window is closed or lies too far ahead.</returns>
    public bool RecordFault(string sensor, SensorFaultKind kind, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sensor);
        lock (_lock)
        {
            if (Admit(at) is not { } window)
            {
                return false;
            }

            window.Sensor(sensor).AddFault(kind, at);
            if (_fitted.ContainsKey(sensor))
            {
                _fitted[sensor] = kind;
            }

            return true;
        }
    }

    /// <summary>Records vehicle passages, each in the window of its own time.</summary>
    /// <returns>How many were counted; the rest were late, too far ahead or had an impossible speed.</returns>
    /// <exception cref="InvalidOperationException">The settings say no traffic sensor is fitted.</exception>
    public int RecordPassages(IReadOnlyList<VehiclePassage> passages)
    {
        ArgumentNullException.ThrowIfNull(passages);
        if (!_options.VehicleCounterFitted)
        {
            throw new InvalidOperationException(
                $"Vehicle passages were reported, but the node is configured without a traffic sensor. Set " +
                $"{WindowAggregationOptions.SectionName}:{nameof(WindowAggregationOptions.VehicleCounterFitted)} to true, or remove the traffic sensor from the sampler.");
        }

        int counted = 0;
        lock (_lock)
        {
            foreach (VehiclePassage passage in passages)
            {
                if (!double.IsFinite(passage.SpeedKilometresPerHour) || passage.SpeedKilometresPerHour < 0)
                {
                    _invalid++;
                }
                else if (Admit(passage.At) is { } window)
                {
                    window.Traffic.Add(passage);
                    counted++;
                }
            }
        }

        return counted;
    }

    /// <summary>Closes every window whose end is more than the grace period behind the clock.</summary>
    public void CloseDueWindows()
    {
        lock (_lock)
        {
            Advance(_time.GetUtcNow());
        }
    }

    /// <summary>Closes windows on time even when nothing is reported, until cancelled or stopped.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            TimeSpan wait;
            lock (_lock)
            {
                if (_stopped)
                {
                    return;
                }

                DateTimeOffset now = _time.GetUtcNow();
                Advance(now);
                wait = _cursor + WindowLength + _options.LateArrivalGrace - now;
            }

            // Whole milliseconds, rounded up: a shorter delay can complete without a timer, and a virtual clock would not move.
            wait = TimeSpan.FromMilliseconds(Math.Max(1, Math.Ceiling(wait.TotalMilliseconds)));
            try
            {
                await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    /// <summary>
    /// Graceful stop: emits the windows still open up to now, the one in progress as partial with its coverage
    /// counted up to now, and completes <see cref="ClosedWindows"/>. Records reported afterwards are dropped as late.
    /// </summary>
    public void Stop()
    {
        lock (_lock)
        {
            if (_stopped)
            {
                return;
            }

            DateTimeOffset now = _time.GetUtcNow();
            Advance(now);
            while (_cursor < now || (_cursor == now && _open.ContainsKey(_cursor)))
            {
                bool complete = _cursor + WindowLength <= now;
                if (!complete && _open.TryGetValue(_cursor, out WindowAccumulator? inProgress))
                {
                    _coverage.TrimAfter(inProgress, now);
                }

                Emit(partial: !complete || _cursor < _observingSince, observed: complete ? WindowLength : now - _cursor);
            }

            // Anything left lies after the stop: coverage held forward, or records stamped ahead of the clock.
            _open.Clear();
            _stopped = true;
            _closed.Writer.TryComplete();
        }
    }

    private WindowAccumulator? Admit(DateTimeOffset at)
    {
        DateTimeOffset now = _time.GetUtcNow();
        Advance(now);
        if (_stopped || at < _cursor)
        {
            _late++;
            return null;
        }

        if (at >= now + WindowLength)
        {
            _early++;
            return null;
        }

        return Window(_grid.StartOf(at));
    }

    private WindowAccumulator Window(DateTimeOffset start)
    {
        if (!_open.TryGetValue(start, out WindowAccumulator? window))
        {
            window = new WindowAccumulator(start, _options);
            _open.Add(start, window);
        }

        return window;
    }

    private void Advance(DateTimeOffset now)
    {
        if (_stopped)
        {
            return;
        }

        TimeSpan wallAhead = WallAhead(now);
        TimeSpan stepped = wallAhead - _wallAhead;
        _wallAhead = wallAhead;
        if (stepped.Duration() > _options.ClockStepThreshold)
        {
            Restart(now);
            return;
        }

        DateTimeOffset closeUpTo = now - _options.LateArrivalGrace;

        // A small step back just leaves the cursor ahead of the clock: nothing closes, and readings stamped in
        // windows already emitted are dropped as late until the clock catches up, rather than emitted twice.
        while (_cursor + WindowLength <= closeUpTo)
        {
            Emit(partial: _cursor < _observingSince, observed: WindowLength);
        }
    }

    /// <summary>
    /// After a clock step: what was recorded is real and goes out, flagged partial, but the windows in between are
    /// not emitted: they would claim the node watched hours (or decades) it never saw.
    /// </summary>
    private void Restart(DateTimeOffset now)
    {
        _clockSteps++;
        DateTimeOffset restartAt = _grid.StartOf(now);
        bool forward = now > _cursor;
        foreach (WindowAccumulator window in _open.Values.Where(w => !forward || w.Start < restartAt).ToList())
        {
            _open.Remove(window.Start);
            FillSilentSensors(window);
            Publish(window, window.Close(_worstSinceCursor, partial: true, observed: WindowLength));
        }

        _coverage.Clear();
        _cursor = restartAt;
        _observingSince = now;
        _worstSinceCursor = _timeQuality;
    }

    private void Emit(bool partial, TimeSpan observed)
    {
        ClosedWindow closed;
        if (_fitted.Count > 0)
        {
            Window(_cursor);
        }

        if (_open.Remove(_cursor, out WindowAccumulator? window))
        {
            FillSilentSensors(window);
            closed = window.Close(_worstSinceCursor, partial, observed);
            Publish(window, closed);
        }
        else
        {
            closed = WindowAccumulator.Nothing(_cursor, _options, _worstSinceCursor, partial);
            _closed.Writer.TryWrite(closed);
        }

        _cursor += WindowLength;
        _worstSinceCursor = _timeQuality;
    }

    private void FillSilentSensors(WindowAccumulator window)
    {
        foreach ((string sensor, SensorFaultKind? fault) in _fitted)
        {
            SensorAccumulator entry = window.Sensor(sensor);
            if (entry.IsEmpty)
            {
                entry.CarryFault(fault ?? SensorFaultKind.Stale);
            }
        }
    }

    private void Publish(WindowAccumulator window, ClosedWindow closed)
    {
        if (!window.SpeedsAreExact)
        {
            _approximateV85++;
        }

        // Unbounded: a window is a few hundred bytes every 15 minutes, and the buffer drains it at once.
        _closed.Writer.TryWrite(closed);
    }

    private TimeSpan WallAhead(DateTimeOffset now) => now - DateTimeOffset.UnixEpoch - _time.GetElapsedTime(0);

    private static WindowTimeQuality Worse(WindowTimeQuality a, WindowTimeQuality b) => a > b ? a : b;
}

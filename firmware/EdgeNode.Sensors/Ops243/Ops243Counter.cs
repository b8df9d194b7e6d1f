using EdgeNode.Hardware.Serial;

namespace EdgeNode.Sensors.Ops243;

/// <summary>
/// Counts vehicles with an OmniPreSense OPS243-A Doppler radar on a serial port (USB CDC-ACM, or its UART at
/// 19200 8N1). On start it checks the sensor is an OPS24x speed radar (<c>?P</c>), sets km/h, plain numeric
/// reports, 20 ksps, both directions and a minimum speed, then turns the stream of speed reports into
/// <see cref="VehiclePassage"/>s (see <see cref="PassageTracker"/> and <see cref="SpeedRun"/>).
/// <para>
/// Privacy: only a count, a direction and one speed per vehicle ever leave this class. A Doppler radar
/// measures the speed of a reflection, nothing that identifies a vehicle or a person; the counter keeps the
/// speeds of the vehicle currently in the beam until its passage closes and stores no raw reports, no
/// timestamps beyond the passage's, and no images.
/// </para>
/// <para>
/// Faults: NotPresent (port missing, or not an OPS24x speed radar), NotAnswering (no answer to <c>?P</c>, or
/// to the periodic <c>U?</c> that tells a dead sensor from an empty road), CorruptData (eight unreadable lines
/// in a row; isolated noise is ignored), OutOfRange (three reports in a row faster than the sensor can
/// measure as configured, ≈ 224 km/h), Stuck (one identical report for over a minute without a break).
/// </para>
/// The counter owns the port and disposes it, as every driver here owns its bus device or port.
/// </summary>
public sealed class Ops243Counter : IVehicleCounter
{
    /// <summary>Unreadable lines in a row before the stream counts as corrupt; fewer is ordinary line noise.</summary>
    internal const int UnreadableLinesLimit = 8;

    /// <summary>Impossible speeds in a row before the sensor counts as broken; one can be a garbled digit.</summary>
    internal const int OutOfRangeReportsLimit = 3;

    private const int HealthCheckAttempts = 2;

    private readonly SerialDevice _port;
    private readonly TimeProvider _time;
    private readonly Ops243Settings _settings;
    private readonly Ops243Link _link;
    private readonly Ops243Setup _setup;
    private readonly PassageTracker _tracker;
    private readonly List<TimedLine> _lines = [];
    private int _unreadableInARow;
    private int _outOfRangeInARow;
    private DateTimeOffset _nextHealthCheckAt;
    private DateTimeOffset? _healthQuerySentAt;
    private int _healthAttempts;
    private int _reportsSinceHealthQuery;
    private int? _expectedDecimalPlaces;
    private bool _precisionCheckPending;
    private bool _started;
    private bool _disposed;

    /// <param name="port">The radar's serial port, e.g. /dev/edgenode-radar (USB) or /dev/ttyAMA0 at 19200 baud (UART); the counter disposes it.</param>
    /// <param name="time">The clock for waits and passage times.</param>
    /// <param name="settings">Passage and health-check settings; defaults when null.</param>
    public Ops243Counter(SerialDevice port, TimeProvider time, Ops243Settings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(port);
        ArgumentNullException.ThrowIfNull(time);
        _settings = settings ?? new Ops243Settings();
        _settings.Validate();
        _port = port;
        _time = time;
        Description = $"OPS243-A radar at {port.PortName}";
        _link = new Ops243Link(port, time, Description);
        _setup = new Ops243Setup(_link, time, _settings, Description, port.PortName);
        _tracker = new PassageTracker(_settings);
    }

    public string Description { get; }

    /// <summary>What the sensor said it is; null until started.</summary>
    public Ops243Identity? Identity { get; private set; }

    /// <summary>How many times the sensor was found with another unit (it rebooted to factory settings) and set back.</summary>
    public int Reconfigurations { get; private set; }

    /// <summary>Identifies and configures the sensor. <see cref="ListenAsync"/> does this itself the first time.</summary>
    /// <exception cref="SensorFaultException">The sensor is missing, another device, silent or garbled.</exception>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        _link.DiscardInput();
        Identity = await _setup.IdentifyAsync(cancellationToken).ConfigureAwait(false);
        await ConfigureAsync(cancellationToken).ConfigureAwait(false);
        _tracker.Clear();
        _unreadableInARow = 0;
        _outOfRangeInARow = 0;
        _healthQuerySentAt = null;
        _healthAttempts = 0;
        _nextHealthCheckAt = _time.GetUtcNow() + _settings.HealthCheckInterval;
        _started = true;
    }

    /// <inheritdoc />
    /// <remarks>
    /// A vehicle still in the beam when the time is up is returned by the next call. After a fault the next
    /// call identifies and configures the sensor afresh, so a sensor that recovered (or was replaced) is
    /// picked up by the sampler's ordinary retries.
    /// </remarks>
    public async Task<IReadOnlyList<VehiclePassage>> ListenAsync(TimeSpan duration, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentOutOfRangeException.ThrowIfLessThan(duration, TimeSpan.Zero);
        try
        {
            if (!_started)
            {
                await StartAsync(cancellationToken).ConfigureAwait(false);
            }

            return await ListenStartedAsync(duration, cancellationToken).ConfigureAwait(false);
        }
        catch (SensorFaultException)
        {
            _started = false;
            throw;
        }
    }

    /// <summary>Stops using the port; the caller still owns and disposes it.</summary>
    public void Dispose()
    {
        if (!_disposed)
        {
            _disposed = true;
            _port.Dispose();
        }
    }

    private async Task<IReadOnlyList<VehiclePassage>> ListenStartedAsync(TimeSpan duration, CancellationToken cancellationToken)
    {
        var passages = new List<VehiclePassage>();
        DateTimeOffset deadline = _time.GetUtcNow() + duration;
        while (true)
        {
            DateTimeOffset now = _time.GetUtcNow();
            _tracker.Collect(now, passages);
            CheckHealth(now);
            if (now >= deadline)
            {
                return passages;
            }

            _lines.Clear();
            await _link.ReadAsync(Earliest(deadline, _tracker.NextCloseAt, NextHealthEventAt), _lines, cancellationToken).ConfigureAwait(false);
            foreach (TimedLine line in _lines)
            {
                await HandleAsync(line, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task ConfigureAsync(CancellationToken cancellationToken)
    {
        await _setup.ConfigureAsync(cancellationToken).ConfigureAwait(false);
        _expectedDecimalPlaces = null;
        _precisionCheckPending = false;
    }

    private DateTimeOffset NextHealthEventAt =>
        _healthQuerySentAt is { } sent ? sent + _settings.AnswerTimeout : _nextHealthCheckAt;

    private async Task HandleAsync(TimedLine timed, CancellationToken cancellationToken)
    {
        Ops243Line line = timed.Line;
        switch (line.Kind)
        {
            case Ops243LineKind.Blank:
                return;
            case Ops243LineKind.Garbage or Ops243LineKind.ForeignText:
                if (++_unreadableInARow >= UnreadableLinesLimit)
                {
                    throw new SensorFaultException(SensorFaultKind.CorruptData, Description,
                        $"{Description} sends unreadable data: {UnreadableLinesLimit} lines in a row could not be decoded (last: \"{line.Text}\"). "
                        + "Check the cable and, on the UART, the baud rate (19200) and the ground wire; replace the sensor if it persists.");
                }

                return;
            case Ops243LineKind.Answer:
                _unreadableInARow = 0;
                await HandleAnswerAsync(line.Text ?? "", cancellationToken).ConfigureAwait(false);
                return;
            default:
                _unreadableInARow = 0;
                _reportsSinceHealthQuery++;
                WatchPrecision(timed.At, line.DecimalPlaces);
                HandleReport(timed.At, line.SignedSpeedKilometresPerHour);
                return;
        }
    }

    /// <summary>
    /// The sensor prints as many decimals as it was told (F1); after a power dip it comes back with its
    /// factory settings (m/s, another precision, no filter) and keeps streaming. A change of precision is the
    /// first sign of that, so it brings the unit check forward instead of counting m/s as km/h for up to a
    /// minute. The precision is learnt from the first report after configuration, so firmware that
    /// prints differently from F1 is not mistaken for a rebooted sensor; if a check it brought forward finds
    /// the unit intact, the new precision is learnt instead.
    /// </summary>
    private void WatchPrecision(DateTimeOffset at, int decimalPlaces)
    {
        _expectedDecimalPlaces ??= decimalPlaces;
        if (decimalPlaces != _expectedDecimalPlaces && _healthQuerySentAt is null && !_precisionCheckPending)
        {
            _precisionCheckPending = true;
            _nextHealthCheckAt = at;
        }
    }

    private void HandleReport(DateTimeOffset at, double signedSpeed)
    {
        double speed = Math.Abs(signedSpeed);
        if (speed > Ops243Doppler.ConfiguredMaximumSpeedKilometresPerHour)
        {
            if (++_outOfRangeInARow >= OutOfRangeReportsLimit)
            {
                throw new SensorFaultException(SensorFaultKind.OutOfRange, Description,
                    $"{Description} reported {signedSpeed:0.#} km/h, faster than it can measure as configured "
                    + $"(20 ksps: at most {Ops243Doppler.ConfiguredMaximumSpeedKilometresPerHour:0.#} km/h), {OutOfRangeReportsLimit} times in a row. "
                    + "The sensor's settings or firmware are wrong: power-cycle it; replace it if this persists.");
            }

            return;
        }

        _outOfRangeInARow = 0;
        if (speed < _settings.MinimumSpeedKilometresPerHour)
        {
            // The sensor was told not to report this; it has most likely rebooted to its factory settings
            // (m/s, no filter). Check now instead of counting in the wrong unit until the next check.
            if (_healthQuerySentAt is null)
            {
                _nextHealthCheckAt = at;
            }

            return;
        }

        if (_tracker.Add(at, signedSpeed))
        {
            throw new SensorFaultException(SensorFaultKind.Stuck, Description,
                $"{Description} has reported exactly {signedSpeed:0.0} km/h without a break for over {PassageTracker.StuckLimit.TotalSeconds:0} s, "
                + "longer than any vehicle stays in the beam: its signal processing is frozen. Power-cycle the sensor; replace it if this recurs.");
        }
    }

    private async Task HandleAnswerAsync(string answer, CancellationToken cancellationToken)
    {
        if (!Ops243LineParser.TryGetAnswerValue(answer, Ops243Commands.UnitsKey, out string units))
        {
            return;
        }

        _healthQuerySentAt = null;
        _healthAttempts = 0;
        _nextHealthCheckAt = _time.GetUtcNow() + _settings.HealthCheckInterval;
        if (_precisionCheckPending && units == Ops243Commands.KilometresPerHourUnitName)
        {
            _expectedDecimalPlaces = null;
        }

        _precisionCheckPending = false;
        if (units != Ops243Commands.KilometresPerHourUnitName)
        {
            // Reports seen since the reboot were in another unit: drop the runs they started.
            Reconfigurations++;
            _tracker.Clear();
            await ConfigureAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private void CheckHealth(DateTimeOffset now)
    {
        if (_healthQuerySentAt is { } sent)
        {
            if (now < sent + _settings.AnswerTimeout)
            {
                return;
            }

            if (_healthAttempts >= HealthCheckAttempts)
            {
                throw _reportsSinceHealthQuery > 0
                    ? new SensorFaultException(SensorFaultKind.NotAnswering, Description,
                        $"{Description} still sends reports but no longer answers queries: commands do not reach it. "
                        + "On the UART check the wire from the Pi's TXD (header pin 8) to the sensor's RX; on USB unplug and replug the sensor.")
                    : new SensorFaultException(SensorFaultKind.NotAnswering, Description,
                        $"{Description} is silent and did not answer the U? query {HealthCheckAttempts} times: it is unplugged, unpowered "
                        + "or hung (an empty road makes it silent, but it still answers queries). Check the cable and power-cycle the sensor.");
            }
        }
        else if (now < _nextHealthCheckAt)
        {
            return;
        }

        if (_healthAttempts == 0)
        {
            _reportsSinceHealthQuery = 0;
        }

        _healthAttempts++;
        _healthQuerySentAt = now;
        _link.Send(Ops243Commands.QueryUnits);
    }

    private static DateTimeOffset Earliest(DateTimeOffset a, DateTimeOffset? b, DateTimeOffset c)
    {
        DateTimeOffset earliest = a < c ? a : c;
        return b is { } bb && bb < earliest ? bb : earliest;
    }
}

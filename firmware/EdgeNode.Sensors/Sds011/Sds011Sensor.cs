using EdgeNode.Hardware.Serial;

namespace EdgeNode.Sensors.Sds011;

/// <summary>
/// Driver for the Nova Fitness SDS011 laser dust sensor on a serial port at 9600 8N1 (Laser Dust Sensor
/// Control Protocol V1.3). It runs the sensor in query reporting mode, asks for each measurement, and sleeps
/// fan and laser between readings so that they last (about 8000 hours of laser life when always on).
/// </summary>
public sealed class Sds011Sensor : IDutyCycledSensor
{
    /// <summary>Specification: range 0.0–999.9 µg/m³ for both PM2.5 and PM10.</summary>
    public static readonly MeasurementRange Range = new(0.0, 999.9);

    /// <summary>
    /// Exactly the same PM2.5 and PM10 tenths for this long means a dead laser or photodiode, a blocked inlet or
    /// frozen firmware. At a resolution of 0.1 µg/m³ the sensor's own noise (±10 % and a few tenths even in
    /// clean air) makes both values move between readings minutes apart, so two hours of identical pairs is
    /// implausible; a calm clean night still moves the last digit. Not reset by sleep: a broken sensor stays
    /// broken across wake-ups, and values that survive a sleep unchanged are even less likely.
    /// </summary>
    public static readonly TimeSpan StuckAfter = TimeSpan.FromHours(2);

    private static readonly IReadOnlyList<Metric> MetricList = [Metric.Pm25MicrogramsPerCubicMetre, Metric.Pm10MicrogramsPerCubicMetre];

    private readonly SerialDevice _port;
    private readonly TimeProvider _time;
    private readonly SerialFrameLink<Sds011Frame> _link;
    private readonly StuckValueDetector _stuck = new(StuckAfter);
    private readonly ExclusiveGate _gate = new();
    private readonly WarmUpClock _warmUpClock;

    /// <param name="port">The port the sensor is on, opened at 9600 8N1; the driver disposes it.</param>
    /// <param name="time">The clock for warm-up, time-outs and stuck detection.</param>
    public Sds011Sensor(SerialDevice port, TimeProvider time)
    {
        _port = port;
        _time = time;
        Description = $"SDS011 on {port.PortName}";
        _link = Sds011Link.Open(port, time, Description);
        _warmUpClock = new WarmUpClock(time, Description, WarmUp, "for a steady air flow before values are stable");
    }

    public string Description { get; }

    public IReadOnlyList<Metric> Metrics => MetricList;

    /// <summary>Protocol V1.3 §3.4: "the data is stable when the sensor works after 30 seconds".</summary>
    public TimeSpan WarmUp { get; } = TimeSpan.FromSeconds(30);

    /// <summary>The id bytes of the last frame received (Protocol V1.3 §2), or null before any.</summary>
    public ushort? DeviceId { get; private set; }

    /// <summary>
    /// Starts fan and laser (§3.4) and makes sure the sensor reports only when queried (§3.1). The reporting
    /// mode is kept in the sensor's memory, so it is read first and written only when it differs.
    /// </summary>
    /// <exception cref="SensorFaultException">The sensor did not confirm.</exception>
    public Task WakeAsync(CancellationToken cancellationToken = default) => _gate.RunAsync(async () =>
    {
        DateTimeOffset wokeAt = _time.GetUtcNow();
        _warmUpClock.MarkAsleep();
        Sds011Frame worked = await _link.ExchangeAsync(
            Sds011FrameCodec.EncodeCommand(Sds011Command.SleepAndWork, [Sds011Protocol.Set, Sds011Protocol.Work]),
            f => f.IsReplyTo(Sds011Command.SleepAndWork) && f.Data3 == Sds011Protocol.Work, "the confirmation that it woke", cancellationToken).ConfigureAwait(false);
        DeviceId = worked.DeviceId;
        _warmUpClock.MarkAwakeSince(wokeAt);

        Sds011Frame mode = await _link.ExchangeAsync(
            Sds011FrameCodec.EncodeCommand(Sds011Command.ReportingMode, [Sds011Protocol.Query]),
            f => f.IsReplyTo(Sds011Command.ReportingMode) && f.Data2 == Sds011Protocol.Query, "its reporting mode", cancellationToken).ConfigureAwait(false);
        if (mode.Data3 != Sds011Protocol.QueryReporting)
        {
            await _link.ExchangeAsync(
                Sds011FrameCodec.EncodeCommand(Sds011Command.ReportingMode, [Sds011Protocol.Set, Sds011Protocol.QueryReporting]),
                f => f.IsReplyTo(Sds011Command.ReportingMode) && f.Data3 == Sds011Protocol.QueryReporting,
                "the confirmation of query reporting mode", cancellationToken).ConfigureAwait(false);
        }

        return true;
    }, cancellationToken);

    /// <summary>Stops fan and laser (§3.4). Readings fail with <see cref="SensorFaultKind.WarmingUp"/> until the next wake.</summary>
    /// <exception cref="SensorFaultException">The sensor did not confirm.</exception>
    public Task SleepAsync(CancellationToken cancellationToken = default) => _gate.RunAsync(async () =>
    {
        _warmUpClock.MarkAsleep();
        await _link.ExchangeAsync(
            Sds011FrameCodec.EncodeCommand(Sds011Command.SleepAndWork, [Sds011Protocol.Set, Sds011Protocol.Sleep]),
            f => f.IsReplyTo(Sds011Command.SleepAndWork) && f.Data3 == Sds011Protocol.Sleep, "the confirmation that it sleeps", cancellationToken).ConfigureAwait(false);
        return true;
    }, cancellationToken);

    /// <summary>Queries one measurement (§3.2).</summary>
    /// <exception cref="SensorFaultException">Asleep or warming up, missing, silent, corrupt, out of range or stuck.</exception>
    public Task<Sds011Reading> ReadParticulatesAsync(CancellationToken cancellationToken = default) => _gate.RunAsync(async () =>
    {
        _warmUpClock.ThrowIfNotWarm();
        Sds011Frame frame = await _link.ExchangeAsync(
            Sds011FrameCodec.EncodeCommand(Sds011Command.QueryData, []), static f => f.IsMeasurement, "a measurement", cancellationToken).ConfigureAwait(false);
        DeviceId = frame.DeviceId;
        return Decode(frame);
    }, cancellationToken);

    public async Task<IReadOnlyList<Measurement>> ReadAsync(CancellationToken cancellationToken = default)
    {
        Sds011Reading reading = await ReadParticulatesAsync(cancellationToken).ConfigureAwait(false);
        return
        [
            new Measurement(Metric.Pm25MicrogramsPerCubicMetre, reading.Pm25MicrogramsPerCubicMetre),
            new Measurement(Metric.Pm10MicrogramsPerCubicMetre, reading.Pm10MicrogramsPerCubicMetre),
        ];
    }

    /// <summary>Reads the firmware date (§3.6), for the technician's self-test.</summary>
    /// <exception cref="SensorFaultException">The sensor did not answer with a valid date.</exception>
    public Task<DateOnly> ReadFirmwareDateAsync(CancellationToken cancellationToken = default) => _gate.RunAsync(async () =>
    {
        // Querying a sleeping SDS011 would wake it (§3.4: any command wakes it), silently undoing the duty cycle.
        if (!_warmUpClock.IsAwake)
        {
            throw _warmUpClock.AsleepFault();
        }

        Sds011Frame reply = await _link.ExchangeAsync(
            Sds011FrameCodec.EncodeCommand(Sds011Command.FirmwareVersion, []), static f => f.IsReplyTo(Sds011Command.FirmwareVersion),
            "its firmware version", cancellationToken).ConfigureAwait(false);
        int year = 2000 + reply.Data2;
        if (reply.Data3 is < 1 or > 12 || reply.Data4 < 1 || reply.Data4 > DateTime.DaysInMonth(year, reply.Data3))
        {
            throw new SensorFaultException(SensorFaultKind.CorruptData, Description,
                $"{Description} gave an impossible firmware date (year {reply.Data2}, month {reply.Data3}, day {reply.Data4}): its firmware is damaged; replace the sensor.");
        }

        return new DateOnly(year, reply.Data3, reply.Data4);
    }, cancellationToken);

    public void Dispose()
    {
        _gate.Dispose();
        _port.Dispose();
    }

    private Sds011Reading Decode(Sds011Frame frame)
    {
        double pm25 = Range.Check(Description, Metric.Pm25MicrogramsPerCubicMetre, frame.Pm25Tenths / Sds011Protocol.CountsPerMicrogramPerCubicMetre).Value;
        double pm10 = Range.Check(Description, Metric.Pm10MicrogramsPerCubicMetre, frame.Pm10Tenths / Sds011Protocol.CountsPerMicrogramPerCubicMetre).Value;
        DateTimeOffset now = _time.GetUtcNow();
        if (_stuck.IsStuck([frame.Pm25Tenths, frame.Pm10Tenths], now))
        {
            throw new SensorFaultException(SensorFaultKind.Stuck, Description,
                $"{Description} has reported exactly PM2.5 = {pm25:0.0} and PM10 = {pm10:0.0} µg/m³ for over {StuckAfter.TotalHours:0} hours: "
                + "its laser, fan or firmware has failed or its inlet is blocked; check that the fan turns and the inlet is clear, otherwise replace the sensor.");
        }

        return new Sds011Reading(pm25, pm10, frame.DeviceId, now);
    }

}

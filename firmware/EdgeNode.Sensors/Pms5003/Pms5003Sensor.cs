using EdgeNode.Hardware.Serial;

namespace EdgeNode.Sensors.Pms5003;

/// <summary>
/// Driver for the Plantower PMS5003 laser particle sensor on a serial port at 9600 8N1 (PMS5003 series data
/// manual V2.3). It runs the sensor in passive mode, asks for each frame, and sleeps fan and laser between
/// readings. The reported metrics are the atmospheric-environment values (data 4–6).
/// </summary>
public sealed class Pms5003Sensor : IDutyCycledSensor
{
    /// <summary>
    /// Manual, technical index: effective range 0–500 µg/m³, maximum range 1000 µg/m³ ("the highest output value of
    /// the PM2.5 standard data is not less than 1000"). Between 500 and 1000 the value is real but outside the
    /// consistency figures; above 1000 the manual promises nothing, so it is refused rather than trusted.
    /// </summary>
    public static readonly MeasurementRange Range = new(0, 1000);

    /// <summary>Manual, technical index: "effective range (PM2.5 standard) 0~500 µg/m³".</summary>
    public const double EffectiveMaximumMicrogramsPerCubicMetre = 500;

    /// <summary>
    /// All twelve measured words (six mass values and six particle counts) unchanged for this long means a dead
    /// laser, fan or firmware. Mass values at 1 µg/m³ resolution can sit still in clean air, but the counts of
    /// particles over 0.3 µm run to hundreds per 0.1 L even in clean outdoor air and move with every breath of
    /// wind, so an hour of identical frames across many duty cycles does not happen to a working sensor. Not
    /// reset by sleep: a broken sensor stays broken across wake-ups.
    /// </summary>
    public static readonly TimeSpan StuckAfter = TimeSpan.FromHours(1);

    private static readonly IReadOnlyList<Metric> MetricList =
        [Metric.Pm1MicrogramsPerCubicMetre, Metric.Pm25MicrogramsPerCubicMetre, Metric.Pm10MicrogramsPerCubicMetre];

    private readonly SerialDevice _port;
    private readonly TimeProvider _time;
    private readonly SerialFrameLink<Pms5003Frame> _link;
    private readonly StuckValueDetector _stuck = new(StuckAfter);
    private readonly ExclusiveGate _gate = new();
    private readonly WarmUpClock _warmUpClock;

    /// <param name="port">The port the sensor is on, opened at 9600 8N1; the driver disposes it.</param>
    /// <param name="time">The clock for warm-up, time-outs and stuck detection.</param>
    public Pms5003Sensor(SerialDevice port, TimeProvider time)
    {
        _port = port;
        _time = time;
        Description = $"PMS5003 on {port.PortName}";
        _link = Pms5003Link.Open(port, time, Description);
        _warmUpClock = new WarmUpClock(time, Description, WarmUp, "before data is stable (manual, circuit attentions 4)");
    }

    public string Description { get; }

    public IReadOnlyList<Metric> Metrics => MetricList;

    /// <summary>Manual, circuit attentions 4): "stable data should be got at least 30 seconds after the sensor wakeup".</summary>
    public TimeSpan WarmUp { get; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Wakes the sensor (0xE4, no answer documented) and puts it in passive mode (0xE1), resending until the
    /// sensor shows it is alive with the acknowledgement units send, or with any intact frame.
    /// </summary>
    /// <exception cref="SensorFaultException">The sensor showed no sign of life.</exception>
    public Task WakeAsync(CancellationToken cancellationToken = default) => _gate.RunAsync(async () =>
    {
        DateTimeOffset wokeAt = _time.GetUtcNow();
        _warmUpClock.MarkAsleep();
        _link.Send(Pms5003FrameCodec.EncodeCommand(Pms5003Command.SleepOrWake, Pms5003Protocol.Wake));
        await _link.ExchangeAsync(
            Pms5003FrameCodec.EncodeCommand(Pms5003Command.ChangeMode, Pms5003Protocol.PassiveMode),
            static f => f.IsAcknowledgementOf(Pms5003Command.ChangeMode) || f.IsMeasurement, "an answer after waking", cancellationToken).ConfigureAwait(false);
        _warmUpClock.MarkAwakeSince(wokeAt);
        return true;
    }, cancellationToken);

    /// <summary>
    /// Stops fan and laser (0xE4 with DATAL 0). The manual documents no answer, so none is awaited; the short
    /// acknowledgement some units send is dropped by the next exchange.
    /// </summary>
    /// <exception cref="SensorFaultException">The port failed.</exception>
    public Task SleepAsync(CancellationToken cancellationToken = default) => _gate.RunAsync(() =>
    {
        _warmUpClock.MarkAsleep();
        _link.Send(Pms5003FrameCodec.EncodeCommand(Pms5003Command.SleepOrWake, Pms5003Protocol.Sleep));
        return Task.FromResult(true);
    }, cancellationToken);

    /// <summary>Reads one frame in passive mode (0xE2).</summary>
    /// <exception cref="SensorFaultException">Asleep or warming up, missing, silent, corrupt, out of range or stuck.</exception>
    public Task<Pms5003Reading> ReadParticulatesAsync(CancellationToken cancellationToken = default) => _gate.RunAsync(async () =>
    {
        _warmUpClock.ThrowIfNotWarm();
        Pms5003Frame frame = await _link.ExchangeAsync(
            Pms5003FrameCodec.EncodeCommand(Pms5003Command.ReadPassive, 0), static f => f.IsMeasurement, "a measurement", cancellationToken).ConfigureAwait(false);
        return Decode(frame);
    }, cancellationToken);

    public async Task<IReadOnlyList<Measurement>> ReadAsync(CancellationToken cancellationToken = default)
    {
        Pms5003Reading reading = await ReadParticulatesAsync(cancellationToken).ConfigureAwait(false);
        return
        [
            new Measurement(Metric.Pm1MicrogramsPerCubicMetre, reading.Pm1MicrogramsPerCubicMetre),
            new Measurement(Metric.Pm25MicrogramsPerCubicMetre, reading.Pm25MicrogramsPerCubicMetre),
            new Measurement(Metric.Pm10MicrogramsPerCubicMetre, reading.Pm10MicrogramsPerCubicMetre),
        ];
    }

    public void Dispose()
    {
        _gate.Dispose();
        _port.Dispose();
    }

    private Pms5003Reading Decode(Pms5003Frame frame)
    {
        double Mass(Pms5003DataWord word, Metric metric) => Range.Check(Description, metric, frame[word]).Value;

        double pm1 = Mass(Pms5003DataWord.Pm1Atmospheric, Metric.Pm1MicrogramsPerCubicMetre);
        double pm25 = Mass(Pms5003DataWord.Pm25Atmospheric, Metric.Pm25MicrogramsPerCubicMetre);
        double pm10 = Mass(Pms5003DataWord.Pm10Atmospheric, Metric.Pm10MicrogramsPerCubicMetre);
        double pm1Standard = Mass(Pms5003DataWord.Pm1Standard, Metric.Pm1MicrogramsPerCubicMetre);
        double pm25Standard = Mass(Pms5003DataWord.Pm25Standard, Metric.Pm25MicrogramsPerCubicMetre);
        double pm10Standard = Mass(Pms5003DataWord.Pm10Standard, Metric.Pm10MicrogramsPerCubicMetre);

        DateTimeOffset now = _time.GetUtcNow();
        Span<long> raw = stackalloc long[(int)Pms5003DataWord.Reserved];
        for (int i = 0; i < raw.Length; i++)
        {
            raw[i] = frame.Words[i];
        }

        if (_stuck.IsStuck(raw, now))
        {
            throw new SensorFaultException(SensorFaultKind.Stuck, Description,
                $"{Description} has sent exactly the same frame (PM2.5 = {pm25:0} µg/m³, {frame[Pms5003DataWord.Over0Point3Micrometres]} particles over 0.3 µm per 0.1 L) "
                + $"for over {StuckAfter.TotalHours:0} hour(s): its laser, fan or firmware has failed; check that the fan turns and the inlet is clear, otherwise replace the sensor.");
        }

        var particles = new Pms5003ParticleCountsPerDecilitre(
            frame[Pms5003DataWord.Over0Point3Micrometres], frame[Pms5003DataWord.Over0Point5Micrometres], frame[Pms5003DataWord.Over1Micrometre],
            frame[Pms5003DataWord.Over2Point5Micrometres], frame[Pms5003DataWord.Over5Micrometres], frame[Pms5003DataWord.Over10Micrometres]);
        return new Pms5003Reading(pm1, pm25, pm10, pm1Standard, pm25Standard, pm10Standard, particles, now);
    }

}

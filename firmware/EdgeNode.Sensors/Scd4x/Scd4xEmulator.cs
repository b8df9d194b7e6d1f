using System.Buffers.Binary;
using EdgeNode.Hardware.Emulation;
using EdgeNode.Sensors.Emulation;

namespace EdgeNode.Sensors.Scd4x;

/// <summary>
/// An SCD40/SCD41 at the wire: 16-bit commands, answers as words each followed by its CRC-8, every command's
/// execution time on the shared <see cref="TimeProvider"/> during which the sensor NACKs (§3.3), periodic
/// measurement every 5 s (the first 5 s after start), single shot in 5 s (SCD41), a one-result buffer emptied by
/// read_measurement and NACKed when empty (§3.5.2), and commands refused (NACK) in periodic mode where Table 9
/// says so. It measures the <see cref="IAmbientModel"/>, with the output jitter of a real sensor unless
/// <see cref="Jitter"/> is off.
/// </summary>
/// <remarks>
/// Faults: <see cref="EmulatedFault.Silent"/> NACKs everything. <see cref="EmulatedFault.WrongDevice"/> plays a
/// different chip at 0x62: it acknowledges every write and answers every read with zero bytes, which fail the
/// Sensirion CRC (CRC of 0x00 0x00 is 0x81), as a register-style device without CRCs would.
/// <see cref="EmulatedFault.CorruptData"/> flips one data bit in every word after its CRC was computed, as a
/// glitch on SDA does. <see cref="EmulatedFault.OutOfRange"/> reports 50 000 ppm, beyond the 40 000 ppm output
/// range, in well-formed words. <see cref="EmulatedFault.Stuck"/> repeats the last measured words forever while
/// data-ready keeps toggling, as frozen measurement firmware would.
/// </remarks>
public sealed class Scd4xEmulator : EmulatedI2cDevice, IEmulatedSensor
{
    /// <summary>The serial number of the datasheet's example (§3.9.2): 0xF896 0x9F07 0x3BBE = 273 325 796 834 238.</summary>
    public const ulong DatasheetSerialNumber = 0xF896_9F07_3BBE;

    public const ushort OutOfRangeCo2PartsPerMillion = 50_000;

    // Real data-ready answers look like 0x8006 (ready) and 0x8000 (not ready): only the low 11 bits count.
    private const ushort DataReadyWord = 0x8006;
    private const ushort DataNotReadyWord = 0x8000;

    private readonly Lock _lock = new();
    private readonly TimeProvider _time;
    private readonly IAmbientModel _ambient;
    private readonly Random _jitter = new(4);
    private DateTimeOffset _busyUntil;
    private byte[]? _response;
    private bool _periodic;
    private DateTimeOffset _periodicStartedAt;
    private long _periodicResults;
    private DateTimeOffset? _singleShotDoneAt;
    private bool _singleShotWithoutCo2;
    private ushort[]? _buffer;
    private ushort[]? _lastWords;

    public Scd4xEmulator(TimeProvider timeProvider, IAmbientModel ambient, Scd4xVariant variant = Scd4xVariant.Scd41, ulong serialNumber = DatasheetSerialNumber)
        : base(Scd4xProtocol.Address)
    {
        _time = timeProvider;
        _ambient = ambient;
        Variant = variant;
        SerialNumber = serialNumber & 0xFFFF_FFFF_FFFF;
    }

    public EmulatedFault Fault { get; set; }

    public Scd4xVariant Variant { get; }

    public ulong SerialNumber { get; }

    /// <summary>
    /// Adds the jitter of a real sensor between measurements: up to ±5 ppm CO2, ±0.02 °C, ±0.05 %RH (true by
    /// default). Off, a constant ambient gives identical words, which the driver reports as stuck after 30 minutes.
    /// </summary>
    public bool Jitter { get; set; } = true;

    /// <summary>The word perform_self_test answers: 0 for "no malfunction" (§3.9.3); set it to emulate a failing sensor.</summary>
    public ushort SelfTestResult { get; set; }

    /// <summary>True while the sensor measures periodically.</summary>
    public bool IsMeasuringPeriodically
    {
        get
        {
            lock (_lock)
            {
                return _periodic;
            }
        }
    }

    /// <summary>A brown-out: the sensor restarts idle, with an empty buffer, and answers nothing during its power-up time (§3.1).</summary>
    public void PowerCycle()
    {
        lock (_lock)
        {
            _periodic = false;
            _singleShotDoneAt = null;
            _buffer = null;
            _response = null;
            _busyUntil = _time.GetUtcNow() + Scd4xProtocol.PowerUpTime;
        }
    }

    public override bool TryWrite(ReadOnlySpan<byte> data)
    {
        lock (_lock)
        {
            if (Fault == EmulatedFault.WrongDevice)
            {
                return true;
            }

            DateTimeOffset now = _time.GetUtcNow();
            Update(now);
            // Commands with arguments (set_*) are not emulated; nothing this driver sends has any.
            if (Fault == EmulatedFault.Silent || now < _busyUntil || data.Length != 2)
            {
                return false;
            }

            var command = (Scd4xCommand)BinaryPrimitives.ReadUInt16BigEndian(data);
            if (!Accepts(command))
            {
                return false;
            }

            _response = Execute(command, now);
            _busyUntil = now + Scd4xProtocol.ExecutionTime(command);
            return true;
        }
    }

    public override bool TryRead(Span<byte> data)
    {
        lock (_lock)
        {
            if (Fault == EmulatedFault.WrongDevice)
            {
                data.Clear();
                return true;
            }

            DateTimeOffset now = _time.GetUtcNow();
            Update(now);
            if (Fault == EmulatedFault.Silent || now < _busyUntil || _response is null)
            {
                return false;
            }

            // A master reading past the answer clocks in a released (high) bus.
            data.Fill(0xFF);
            _response.AsSpan(0, Math.Min(_response.Length, data.Length)).CopyTo(data);
            _response = null;
            return true;
        }
    }

    /// <summary>§3.4 Table 9, "during meas." column, and §3.10 (single shot on the SCD41 only).</summary>
    private bool Accepts(Scd4xCommand command) => command switch
    {
        Scd4xCommand.ReadMeasurement or Scd4xCommand.GetDataReadyStatus or Scd4xCommand.StopPeriodicMeasurement => true,
        Scd4xCommand.StartPeriodicMeasurement or Scd4xCommand.GetSerialNumber or Scd4xCommand.PerformSelfTest or Scd4xCommand.Reinit => !_periodic,
        Scd4xCommand.MeasureSingleShot or Scd4xCommand.MeasureSingleShotRhtOnly => !_periodic && Variant == Scd4xVariant.Scd41,
        _ => false,
    };

    private byte[]? Execute(Scd4xCommand command, DateTimeOffset now)
    {
        switch (command)
        {
            case Scd4xCommand.StartPeriodicMeasurement:
                _periodic = true;
                _periodicStartedAt = now;
                _periodicResults = 0;
                _buffer = null;
                return null;
            case Scd4xCommand.StopPeriodicMeasurement:
                _periodic = false;
                return null;
            case Scd4xCommand.ReadMeasurement:
                // §3.5.2: the buffer is emptied upon read-out; with nothing in it the read header is NACKed.
                ushort[]? result = _buffer;
                _buffer = null;
                return result is null ? null : Answer(result);
            case Scd4xCommand.GetDataReadyStatus:
                return Answer([_buffer is null ? DataNotReadyWord : DataReadyWord]);
            case Scd4xCommand.GetSerialNumber:
                return Answer([(ushort)(SerialNumber >> 32), (ushort)(SerialNumber >> 16), (ushort)SerialNumber]);
            case Scd4xCommand.PerformSelfTest:
                return Answer([SelfTestResult]);
            case Scd4xCommand.MeasureSingleShot:
            case Scd4xCommand.MeasureSingleShotRhtOnly:
                _singleShotDoneAt = now + Scd4xProtocol.ExecutionTime(command);
                _singleShotWithoutCo2 = command == Scd4xCommand.MeasureSingleShotRhtOnly;
                return null;
            default:
                return null;
        }
    }

    private void Update(DateTimeOffset now)
    {
        if (_periodic)
        {
            long due = (now - _periodicStartedAt).Ticks / Scd4xProtocol.SignalUpdateInterval.Ticks;
            if (due > _periodicResults)
            {
                _periodicResults = due;
                _buffer = Measure(_periodicStartedAt + due * Scd4xProtocol.SignalUpdateInterval, withCo2: true);
            }
        }

        if (_singleShotDoneAt is { } doneAt && doneAt <= now)
        {
            _buffer = Measure(doneAt, withCo2: !_singleShotWithoutCo2);
            _singleShotDoneAt = null;
        }
    }

    private ushort[] Measure(DateTimeOffset at, bool withCo2)
    {
        if (Fault == EmulatedFault.Stuck && _lastWords is { } frozen)
        {
            return frozen;
        }

        AmbientConditions air = _ambient.At(at);
        double co2 = air.Co2PartsPerMillion + (Jitter ? _jitter.Next(-5, 6) : 0);
        double celsius = air.TemperatureCelsius + (Jitter ? (_jitter.NextDouble() - 0.5) * 0.04 : 0);
        double humidity = air.RelativeHumidityPercent + (Jitter ? (_jitter.NextDouble() - 0.5) * 0.1 : 0);
        ushort co2Word = Fault == EmulatedFault.OutOfRange ? OutOfRangeCo2PartsPerMillion
            : withCo2 ? (ushort)Math.Clamp(Math.Round(co2), 0, 65535)
            : (ushort)0;
        _lastWords = [co2Word, Scd4xProtocol.TemperatureWord(celsius), Scd4xProtocol.RelativeHumidityWord(humidity)];
        return _lastWords;
    }

    private byte[] Answer(ReadOnlySpan<ushort> words)
    {
        byte[] bytes = Scd4xWords.Encode(words);
        if (Fault == EmulatedFault.CorruptData)
        {
            for (int i = 0; i < bytes.Length; i += Scd4xWords.BytesPerWord)
            {
                bytes[i + 1] ^= 0x04;
            }
        }

        return bytes;
    }
}

using EdgeNode.Hardware.Emulation;
using EdgeNode.Sensors.Emulation;

namespace EdgeNode.Sensors.Bme280;

/// <summary>
/// A BME280 at register level: a 256-byte register map with factory trimming, register-pointer writes and
/// register/value pairs (§6.2.1), auto-incrementing burst reads (§6.2.2), soft reset (§5.4.2), ctrl_hum latched
/// only by a ctrl_meas write (§5.4.3), and forced or normal mode whose "measuring" status bit stays set for the
/// datasheet's maximum measurement time on the shared <see cref="TimeProvider"/> (§9.1). The data registers
/// hold the ADC codes that, run through Bosch's compensation, give back the <see cref="IAmbientModel"/>'s
/// conditions within the sensor's resolution.
/// </summary>
/// <remarks>
/// Faults, as the wire shows them: <see cref="EmulatedFault.Silent"/> NACKs everything;
/// <see cref="EmulatedFault.WrongDevice"/> answers chip id 0x58, a BMP280; <see cref="EmulatedFault.CorruptData"/>
/// browns out at the end of each measurement, so that every register is back at its reset value and the data
/// read 0x80000/0x80000/0x8000 ("skipped") — a BME280 has no checksum, so this is the one corruption a driver can
/// see; <see cref="EmulatedFault.OutOfRange"/> measures 120 °C; <see cref="EmulatedFault.Stuck"/> repeats the
/// last ADC codes forever. Normal mode ignores the standby time: it measures back to back.
/// </remarks>
public sealed class Bme280Emulator : EmulatedI2cDevice, IEmulatedSensor
{
    /// <summary>What <see cref="EmulatedFault.OutOfRange"/> makes the chip measure: beyond its 85 °C limit.</summary>
    public const double OutOfRangeTemperatureCelsius = 120;

    /// <summary>
    /// Trimming of the BMP280 datasheet's worked example (§3.12) for temperature and pressure, which the BME280
    /// shares, and humidity words of the size production chips carry.
    /// </summary>
    internal static readonly Bme280Trimming DefaultTrimming = new(
        T1: 27504, T2: 26435, T3: -1000,
        P1: 36477, P2: -10685, P3: 3024, P4: 2855, P5: 140, P6: -7, P7: 15500, P8: -14600, P9: 6000,
        H1: 75, H2: 362, H3: 0, H4: 313, H5: 50, H6: 30);

    private const byte Bmp280ChipId = Bme280Protocol.Bmp280LastChipId;

    private readonly Lock _lock = new();
    private readonly TimeProvider _time;
    private readonly IAmbientModel _ambient;
    private readonly Bme280Trimming _trimming;
    private readonly byte[] _registers = new byte[256];
    private readonly Random _jitter = new(280);
    private byte _pointer;
    private DateTimeOffset _imageUpdateUntil;
    private DateTimeOffset? _measurementDoneAt;
    private (int Temperature, int Pressure, int Humidity) _latchedOversampling;
    private Bme280RawSample? _lastSample;

    public Bme280Emulator(TimeProvider timeProvider, IAmbientModel ambient)
        : this(timeProvider, ambient, DefaultTrimming)
    {
    }

    // SDO to GND (datasheet §6.2) until plugged into a bus elsewhere.
    internal Bme280Emulator(TimeProvider timeProvider, IAmbientModel ambient, Bme280Trimming trimming)
        : base(0x76)
    {
        _time = timeProvider;
        _ambient = ambient;
        _trimming = trimming;
        trimming.TemperaturePressureBytes().CopyTo(_registers, (int)Bme280Register.TrimmingTemperaturePressure);
        trimming.HumidityBytes().CopyTo(_registers, (int)Bme280Register.TrimmingHumidity);
        ResetRegisters(timeProvider.GetUtcNow());
    }

    public EmulatedFault Fault { get; set; }

    /// <summary>
    /// Adds up to ±1 code of noise to each ADC code, as the real converter's noise does (true by default). Off, a
    /// constant ambient gives identical codes forever, which the driver rightly reports as stuck after 30 minutes.
    /// </summary>
    public bool Jitter { get; set; } = true;

    public override bool TryWrite(ReadOnlySpan<byte> data)
    {
        lock (_lock)
        {
            if (Fault == EmulatedFault.Silent)
            {
                return false;
            }

            DateTimeOffset now = _time.GetUtcNow();
            Update(now);
            // §6.2.1: the first byte sets the register pointer; then come value, register, value, … pairs.
            for (int i = 0; i < data.Length; i += 2)
            {
                _pointer = data[i];
                if (i + 1 < data.Length)
                {
                    WriteRegister(data[i], data[i + 1], now);
                }
            }

            return true;
        }
    }

    public override bool TryRead(Span<byte> data)
    {
        lock (_lock)
        {
            if (Fault == EmulatedFault.Silent)
            {
                return false;
            }

            DateTimeOffset now = _time.GetUtcNow();
            Update(now);
            for (int i = 0; i < data.Length; i++)
            {
                data[i] = ReadRegister(_pointer++, now);
            }

            return true;
        }
    }

    private byte ReadRegister(byte address, DateTimeOffset now) => (Bme280Register)address switch
    {
        Bme280Register.ChipId => Fault == EmulatedFault.WrongDevice ? Bmp280ChipId : Bme280Protocol.Bme280ChipId,
        Bme280Register.Reset => 0x00,
        Bme280Register.Status => (byte)((_measurementDoneAt > now ? Bme280Protocol.StatusMeasuring : 0)
            | (_imageUpdateUntil > now ? Bme280Protocol.StatusImageUpdate : 0)),
        _ => _registers[address],
    };

    private void WriteRegister(byte address, byte value, DateTimeOffset now)
    {
        switch ((Bme280Register)address)
        {
            case Bme280Register.Reset when value == Bme280Protocol.SoftResetCommand:
                ResetRegisters(now);
                break;
            case Bme280Register.ControlHumidity:
                _registers[address] = (byte)(value & 0x07);
                break;
            case Bme280Register.ControlMeasurement:
                _registers[address] = value;
                StartMeasurementIfAsked(now);
                break;
            case Bme280Register.Config:
                _registers[address] = value;
                break;
            default:
                // Trimming, id, status and data registers are read-only; writes to them are ignored.
                break;
        }
    }

    private void StartMeasurementIfAsked(DateTimeOffset now)
    {
        byte controlMeasurement = _registers[(int)Bme280Register.ControlMeasurement];
        // §5.4.3: the humidity oversampling in force is the one ctrl_hum held when ctrl_meas was written.
        _latchedOversampling = (controlMeasurement >> 5, (controlMeasurement >> 2) & 0x07, _registers[(int)Bme280Register.ControlHumidity]);
        _measurementDoneAt = (controlMeasurement & 0b11) == 0 ? null : now + MeasurementTime();
    }

    private TimeSpan MeasurementTime() => Bme280Protocol.MaximumMeasurementTime(
        Bme280Protocol.OversamplingFactor(_latchedOversampling.Temperature),
        Bme280Protocol.OversamplingFactor(_latchedOversampling.Pressure),
        Bme280Protocol.OversamplingFactor(_latchedOversampling.Humidity));

    private void Update(DateTimeOffset now)
    {
        if (_measurementDoneAt is not { } doneAt || doneAt > now)
        {
            return;
        }

        if (Fault == EmulatedFault.CorruptData)
        {
            ResetRegisters(doneAt);
            return;
        }

        LatchSample(doneAt);
        byte controlMeasurement = _registers[(int)Bme280Register.ControlMeasurement];
        if ((controlMeasurement & 0b11) == Bme280Protocol.ModeNormal)
        {
            _measurementDoneAt = now + MeasurementTime();
        }
        else
        {
            // §3.3.2: after a forced measurement the chip returns to sleep mode.
            _registers[(int)Bme280Register.ControlMeasurement] = (byte)(controlMeasurement & ~0b11);
            _measurementDoneAt = null;
        }
    }

    private void LatchSample(DateTimeOffset at)
    {
        Bme280RawSample sample = Fault == EmulatedFault.Stuck && _lastSample is { } last ? last : Measure(at);
        _lastSample = sample;
        sample.WriteTo(_registers.AsSpan((int)Bme280Register.PressureMsb, Bme280Protocol.DataLength));
    }

    private Bme280RawSample Measure(DateTimeOffset at)
    {
        AmbientConditions air = _ambient.At(at);
        double temperatureCelsius = Fault == EmulatedFault.OutOfRange ? OutOfRangeTemperatureCelsius : air.TemperatureCelsius;
        int temperatureStep = CodeStep(_latchedOversampling.Temperature);
        int pressureStep = CodeStep(_latchedOversampling.Pressure);
        Bme280RawSample exact = Bme280Inverse.Solve(_trimming, temperatureCelsius, air.PressureHectopascals * 100,
            air.RelativeHumidityPercent, temperatureStep, pressureStep);

        // §5.4.7–5.4.9: a skipped channel (osrs 000) reads its reset value.
        return new Bme280RawSample(
            _latchedOversampling.Temperature == 0 ? Bme280Protocol.SkippedTemperaturePressure : Jittered(exact.AdcTemperature, temperatureStep, 0xFFFFF),
            _latchedOversampling.Pressure == 0 ? Bme280Protocol.SkippedTemperaturePressure : Jittered(exact.AdcPressure, pressureStep, 0xFFFFF),
            _latchedOversampling.Humidity == 0 ? Bme280Protocol.SkippedHumidity : Jittered(exact.AdcHumidity, 1, 0xFFFF));
    }

    private int Jittered(int code, int step, int maximum) =>
        Jitter ? Math.Clamp(code + step * _jitter.Next(-1, 2), 0, maximum - step + 1) : code;

    /// <summary>16-bit codes at ×1 oversampling (step 16), one bit more per oversampling step, 20 bits at ×16.</summary>
    private static int CodeStep(int osrs) => osrs == 0 ? 16 : 1 << (5 - Math.Min(osrs, 5));

    private void ResetRegisters(DateTimeOffset now)
    {
        _registers[(int)Bme280Register.ControlHumidity] = 0;
        _registers[(int)Bme280Register.ControlMeasurement] = 0;
        _registers[(int)Bme280Register.Config] = 0;
        new Bme280RawSample(Bme280Protocol.SkippedTemperaturePressure, Bme280Protocol.SkippedTemperaturePressure, Bme280Protocol.SkippedHumidity)
            .WriteTo(_registers.AsSpan((int)Bme280Register.PressureMsb, Bme280Protocol.DataLength));
        _measurementDoneAt = null;
        _imageUpdateUntil = now + Bme280Protocol.StartupTime;
    }
}

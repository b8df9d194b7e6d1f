using System.Device.I2c;
using EdgeNode.Hardware;
using EdgeNode.Hardware.I2c;

namespace EdgeNode.Sensors.Bme280;

/// <summary>
/// Bosch BME280 temperature, humidity and pressure sensor on I2C (address 0x76 with SDO to GND, 0x77 with SDO to
/// VDDIO). Each reading is one forced-mode measurement with ×1 oversampling and the IIR filter off: the
/// datasheet's "weather monitoring" setting (BST-BME280-DS002 §3.5.1), meant for a reading every few seconds to
/// minutes, with negligible self-heating because the chip sleeps in between.
/// </summary>
/// <remarks>
/// Created by <see cref="OpenAsync"/>, which checks the chip id and reads the factory trimming. The sensor owns the
/// <see cref="I2cDevice"/> from then on and disposes it. After any failed transfer the next reading identifies the
/// chip again and re-reads its trimming, since a chip that went away may have been power-cycled or replaced.
/// </remarks>
public sealed class Bme280Sensor : IEnvironmentalSensor
{
    // Datasheet key features and §1 "operating range": −40…+85 °C, 0…100 %RH, 300…1100 hPa.
    private static readonly MeasurementRange TemperatureRange = new(-40, 85);
    private static readonly MeasurementRange HumidityRange = new(0, 100);
    private static readonly MeasurementRange PressureRange = new(300, 1100);

    // At ×1 oversampling a pressure code step is 2.62 Pa and the RMS pressure noise of this "weather monitoring"
    // setting is about 3 Pa (26.4 cm of altitude; BMP280 datasheet §3.3.1 Table 4 and §3.4 Table 7, whose
    // pressure part the BME280 shares, BME280 §5.2), so the pressure code alone changes at most readings; a
    // temperature step is 0.005 °C. All three codes unchanged for half an hour of outdoor air, which drifts by
    // tenths of a degree and tens of pascals per hour, only happens when the converter or the bus is frozen.
    private static readonly TimeSpan StuckAfter = TimeSpan.FromMinutes(30);

    // Polls of the status register after the datasheet's maximum measurement time, 1 ms apart, before giving up.
    private const int StatusPolls = 10;

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(1);

    private readonly I2cDevice _device;
    private readonly TimeProvider _time;
    private readonly StuckValueDetector _stuck = new(StuckAfter);
    private readonly ExclusiveGate _gate = new();
    private Bme280Trimming? _trimming;
    private bool _disposed;

    private Bme280Sensor(I2cDevice device, TimeProvider time, string description, Bme280Trimming trimming)
    {
        _device = device;
        _time = time;
        Description = description;
        _trimming = trimming;
    }

    /// <summary>"BME280 at I2C bus 1, address 0x76".</summary>
    public string Description { get; }

    public IReadOnlyList<Metric> Metrics { get; } =
        [Metric.TemperatureCelsius, Metric.RelativeHumidityPercent, Metric.PressureHectopascals];

    /// <summary>
    /// Checks that a BME280 answers on <paramref name="device"/> (chip id 0x60), resets it and reads its trimming.
    /// The sensor then owns the device; if opening fails the device is disposed.
    /// </summary>
    /// <exception cref="SensorFaultException">
    /// <see cref="SensorFaultKind.NotPresent"/> when nothing answers or another chip does (a BMP280 is named as
    /// such); <see cref="SensorFaultKind.CorruptData"/> when the trimming cannot be read consistently.
    /// </exception>
    public static async Task<Bme280Sensor> OpenAsync(I2cDevice device, TimeProvider timeProvider, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(device);
        ArgumentNullException.ThrowIfNull(timeProvider);
        string description = $"BME280 at {device.ConnectionSettings.Describe()}";
        try
        {
            Bme280Trimming trimming = await Bme280Identification.InitialiseAsync(device, timeProvider, description, cancellationToken);
            return new Bme280Sensor(device, timeProvider, description, trimming);
        }
        catch (DeviceAccessException e)
        {
            device.Dispose();
            throw e.ToSensorFault("BME280", description, identifying: true);
        }
        catch
        {
            device.Dispose();
            throw;
        }
    }

    public async Task<IReadOnlyList<Measurement>> ReadAsync(CancellationToken cancellationToken = default)
    {
        Bme280Reading reading = await MeasureAsync(cancellationToken);
        return
        [
            new Measurement(Metric.TemperatureCelsius, reading.TemperatureCelsius),
            new Measurement(Metric.RelativeHumidityPercent, reading.RelativeHumidityPercent),
            new Measurement(Metric.PressureHectopascals, reading.PressureHectopascals),
        ];
    }

    /// <summary>Takes one forced-mode measurement (about 10 ms) and compensates it.</summary>
    /// <exception cref="SensorFaultException">No trustworthy value could be read; the kind says why.</exception>
    public async Task<Bme280Reading> MeasureAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return await _gate.RunAsync(async () =>
        {
            try
            {
                _trimming ??= await Bme280Identification.InitialiseAsync(_device, _time, Description, cancellationToken);
                Bme280RawSample raw = await MeasureRawAsync(cancellationToken);
                return Compensate(_trimming, raw);
            }
            catch (DeviceAccessException e)
            {
                _trimming = null;
                throw e.ToSensorFault("BME280", Description, identifying: false);
            }
            catch (SensorFaultException e) when (e.Kind is SensorFaultKind.NotAnswering or SensorFaultKind.CorruptData or SensorFaultKind.NotPresent)
            {
                _trimming = null;
                throw;
            }
        }, cancellationToken);
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _device.Dispose();
        _gate.Dispose();
    }

    private async Task<Bme280RawSample> MeasureRawAsync(CancellationToken cancellationToken)
    {
        const byte osrs = Bme280Protocol.OversamplingTimes1;
        // §5.4.3: ctrl_hum only takes effect at the next write to ctrl_meas, so it goes first. One transfer
        // carries both register/value pairs (§6.2.1, multiple-byte write).
        _device.Write(
        [
            (byte)Bme280Register.ControlHumidity, osrs,
            (byte)Bme280Register.ControlMeasurement, (byte)((osrs << 5) | (osrs << 2) | Bme280Protocol.ModeForced),
        ]);

        // Timers count whole milliseconds and drop the rest: round the 9.3 ms up rather than poll once for nothing.
        TimeSpan measurementTime = Bme280Protocol.MaximumMeasurementTime(1, 1, 1);
        await Task.Delay(TimeSpan.FromMilliseconds(Math.Ceiling(measurementTime.TotalMilliseconds)), _time, cancellationToken);
        for (int poll = 0; (ReadRegister(Bme280Register.Status) & Bme280Protocol.StatusMeasuring) != 0; poll++)
        {
            if (poll == StatusPolls)
            {
                throw new SensorFaultException(SensorFaultKind.NotAnswering, Description,
                    $"{Description} never finished its measurement (status bit 'measuring' still set {StatusPolls} ms after the datasheet's maximum of 9.3 ms): power-cycle the sensor; replace it if this persists.");
            }

            await Task.Delay(PollInterval, _time, cancellationToken);
        }

        Span<byte> data = stackalloc byte[Bme280Protocol.DataLength];
        _device.WriteRead([(byte)Bme280Register.PressureMsb], data);
        if (!data.ContainsAnyExcept((byte)0xFF))
        {
            throw new SensorFaultException(SensorFaultKind.CorruptData, Description,
                $"{Description} returned only 0xFF bytes for its measurement: the SDA line floats or is held high. Check the SDA wire, its pull-up and the sensor's 3.3 V supply.");
        }

        var raw = Bme280RawSample.Parse(data);
        // Only all three channels at their reset value mean "nothing was measured": with ×1 oversampling 0x80000
        // is also an ordinary 16-bit code (0x8000 << 4), which one channel can show on a perfectly good reading.
        if (raw.AdcTemperature == Bme280Protocol.SkippedTemperaturePressure
            && raw.AdcPressure == Bme280Protocol.SkippedTemperaturePressure
            && raw.AdcHumidity == Bme280Protocol.SkippedHumidity)
        {
            throw new SensorFaultException(SensorFaultKind.CorruptData, Description,
                $"{Description} returned the 'measurement skipped' reset value in every data register (0x80000, 0x80000, 0x8000): the chip reset between the trigger and the read-out, usually a dip of its 3.3 V supply. Check the supply and the connector.");
        }

        return raw;
    }

    private Bme280Reading Compensate(Bme280Trimming trimming, Bme280RawSample raw)
    {
        double temperatureCelsius = Bme280Compensation.Temperature(trimming, raw.AdcTemperature, out int tFine) / 100.0;
        double pressureHectopascals = Bme280Compensation.Pressure(trimming, raw.AdcPressure, tFine) / 256.0 / 100.0;
        double humidityPercent = Bme280Compensation.Humidity(trimming, raw.AdcHumidity, tFine) / 1024.0;

        TemperatureRange.Check(Description, Metric.TemperatureCelsius, temperatureCelsius);
        HumidityRange.Check(Description, Metric.RelativeHumidityPercent, humidityPercent);
        PressureRange.Check(Description, Metric.PressureHectopascals, pressureHectopascals);

        DateTimeOffset now = _time.GetUtcNow();
        if (_stuck.IsStuck([raw.AdcTemperature, raw.AdcPressure, raw.AdcHumidity], now))
        {
            throw new SensorFaultException(SensorFaultKind.Stuck, Description,
                $"{Description} has returned exactly the same raw codes (temperature 0x{raw.AdcTemperature:x5}, pressure 0x{raw.AdcPressure:x5}, humidity 0x{raw.AdcHumidity:x4}) for more than {StuckAfter.TotalMinutes:0} minutes, which real air never does: its converter is frozen. Power-cycle it; replace it if this persists.");
        }

        return new Bme280Reading(temperatureCelsius, humidityPercent, pressureHectopascals, now);
    }

    private byte ReadRegister(Bme280Register register)
    {
        Span<byte> value = stackalloc byte[1];
        _device.WriteRead([(byte)register], value);
        return value[0];
    }
}

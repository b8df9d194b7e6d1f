using System.Device.I2c;
using EdgeNode.Hardware;
using EdgeNode.Hardware.I2c;

namespace EdgeNode.Sensors.Scd4x;

/// <summary>
/// Sensirion SCD40/SCD41 photoacoustic CO2 sensor with its built-in temperature and humidity sensor, on I2C at
/// 0x62 (datasheet "SCD4x" v1.3). In <see cref="Scd4xMeasurementMode.Periodic"/> mode the sensor measures every
/// 5 s and a reading fetches the newest result, waiting for it when the previous one was already fetched; in
/// <see cref="Scd4xMeasurementMode.SingleShot"/> mode (SCD41 only) each reading triggers one 5 s measurement.
/// </summary>
/// <remarks>
/// Every word the sensor sends is checked against its CRC. After a transfer fails in periodic mode the next
/// reading restarts the measurement, since a sensor that dropped off the bus has usually been power-cycled and
/// is idle again; it then reports <see cref="SensorFaultKind.WarmingUp"/> until its first result (5 s).
/// The sensor owns the <see cref="I2cDevice"/> and disposes it.
/// </remarks>
public sealed class Scd4xSensor : IEnvironmentalSensor
{
    // Datasheet front page and §1.1: CO2 output range 0–40 000 ppm (accuracy is specified for 400–2000/5000 ppm
    // only); §1.3 temperature measurement range −10…60 °C, the operating range too; §1.2 humidity 0–100 %RH.
    private static readonly MeasurementRange Co2Range = new(0, 40_000);
    private static readonly MeasurementRange TemperatureRange = new(-10, 60);
    private static readonly MeasurementRange HumidityRange = new(0, 100);

    // The CO2 output of a working sensor jitters by several ppm between 5 s measurements (§1.1 specifies its
    // repeatability in ppm, not in zero), and the temperature and humidity words resolve 0.003 °C and 0.002 %RH,
    // far below their own noise. 360 identical triples in a row (30 minutes) cannot come from a working sensor:
    // its firmware or converter is frozen.
    private static readonly TimeSpan StuckAfter = TimeSpan.FromMinutes(30);

    // Periodic mode: no new result for two update intervals means the sensor left periodic mode (reset).
    private static readonly TimeSpan MissingDataLimit = 2 * Scd4xProtocol.SignalUpdateInterval;
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    // Single-shot: how long to keep asking for the result after the 5 s execution time.
    private static readonly TimeSpan SingleShotGrace = TimeSpan.FromSeconds(1);

    private readonly Scd4xChannel _channel;
    private readonly TimeProvider _time;
    private readonly StuckValueDetector _stuck = new(StuckAfter);
    private readonly ExclusiveGate _gate = new();
    private DateTimeOffset _periodicStartedAt;
    private DateTimeOffset? _lastResultAt;
    private bool _restartNeeded;
    private bool _firstSingleShot = true;
    private bool _disposed;

    private Scd4xSensor(Scd4xChannel channel, TimeProvider time, string description, Scd4xMeasurementMode mode, ulong serialNumber)
    {
        _channel = channel;
        _time = time;
        Description = description;
        Mode = mode;
        SerialNumber = serialNumber;
    }

    /// <summary>"SCD4x at I2C bus 1, address 0x62".</summary>
    public string Description { get; }

    public IReadOnlyList<Metric> Metrics { get; } =
        [Metric.Co2PartsPerMillion, Metric.TemperatureCelsius, Metric.RelativeHumidityPercent];

    public Scd4xMeasurementMode Mode { get; }

    /// <summary>The 48-bit serial number read at open (§3.9.2), for the technician's records and the fleet's inventory.</summary>
    public ulong SerialNumber { get; }

    /// <summary>
    /// Stops any measurement a previous run left going, identifies the sensor by its serial number and, in
    /// periodic mode, starts measuring. Takes about half a second. The sensor then owns the device; if opening
    /// fails the device is disposed.
    /// </summary>
    /// <exception cref="SensorFaultException">
    /// <see cref="SensorFaultKind.NotPresent"/> when nothing acknowledges at the address or the serial number fails its CRC.
    /// </exception>
    public static async Task<Scd4xSensor> OpenAsync(
        I2cDevice device, TimeProvider timeProvider, Scd4xMeasurementMode mode = Scd4xMeasurementMode.Periodic, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(device);
        ArgumentNullException.ThrowIfNull(timeProvider);
        string description = $"SCD4x at {device.ConnectionSettings.Describe()}";
        var channel = new Scd4xChannel(device, timeProvider, description);
        try
        {
            // §3.4 Table 9: get_serial_number is refused during periodic measurement, which the sensor keeps
            // running across a restart of this program, so stop it first.
            await channel.StopPeriodicMeasurementAsync(cancellationToken);
            ushort[] serial = await channel.QueryAsync(Scd4xCommand.GetSerialNumber, 3, cancellationToken);
            var sensor = new Scd4xSensor(channel, timeProvider, description, mode, ((ulong)serial[0] << 32) | ((ulong)serial[1] << 16) | serial[2]);
            if (mode == Scd4xMeasurementMode.Periodic)
            {
                await sensor.StartPeriodicAsync(cancellationToken);
            }

            return sensor;
        }
        catch (DeviceAccessException e)
        {
            device.Dispose();
            throw e.ToSensorFault("SCD4x", description, identifying: true);
        }
        catch (SensorFaultException e) when (e.Kind == SensorFaultKind.CorruptData)
        {
            device.Dispose();
            throw new SensorFaultException(SensorFaultKind.NotPresent, description,
                $"No SCD4x identified: something acknowledges at {device.ConnectionSettings.Describe()} but its serial number fails the Sensirion CRC, so it is another kind of device or the bus is very noisy. {e.Message}", e);
        }
        catch
        {
            device.Dispose();
            throw;
        }
    }

    public async Task<IReadOnlyList<Measurement>> ReadAsync(CancellationToken cancellationToken = default)
    {
        Scd4xReading reading = await MeasureAsync(cancellationToken);
        return
        [
            new Measurement(Metric.Co2PartsPerMillion, reading.Co2PartsPerMillion),
            new Measurement(Metric.TemperatureCelsius, reading.TemperatureCelsius),
            new Measurement(Metric.RelativeHumidityPercent, reading.RelativeHumidityPercent),
        ];
    }

    /// <summary>The next unread measurement (periodic mode) or a fresh one (single-shot mode, 5 s).</summary>
    /// <exception cref="SensorFaultException">No trustworthy value could be read; the kind says why.</exception>
    public async Task<Scd4xReading> MeasureAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return await _gate.RunAsync(async () =>
        {
            try
            {
                ushort[] words = Mode == Scd4xMeasurementMode.Periodic
                    ? await NextPeriodicResultAsync(cancellationToken)
                    : await SingleShotResultAsync(cancellationToken);
                return Decode(words);
            }
            catch (DeviceAccessException e)
            {
                _restartNeeded = true;
                throw e.ToSensorFault("SCD4x", Description, identifying: false);
            }
        }, cancellationToken);
    }

    /// <summary>
    /// Runs the sensor's own self test (§3.9.3, 10 s) and says whether it found no malfunction. In periodic mode
    /// measurement is stopped for it and restarted after, so the next reading reports warming up.
    /// </summary>
    public async Task<bool> PerformSelfTestAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return await _gate.RunAsync(async () =>
        {
            try
            {
                if (Mode == Scd4xMeasurementMode.Periodic)
                {
                    await _channel.StopPeriodicMeasurementAsync(cancellationToken);
                }

                ushort[] result = await _channel.QueryAsync(Scd4xCommand.PerformSelfTest, 1, cancellationToken);
                if (Mode == Scd4xMeasurementMode.Periodic)
                {
                    await StartPeriodicAsync(cancellationToken);
                }

                return result[0] == 0;
            }
            catch (DeviceAccessException e)
            {
                _restartNeeded = true;
                throw e.ToSensorFault("SCD4x", Description, identifying: false);
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
        if (Mode == Scd4xMeasurementMode.Periodic)
        {
            try
            {
                // Leave it idle (and 15 mA lighter) rather than measuring for nobody; no need to wait the 500 ms.
                _channel.Send(Scd4xCommand.StopPeriodicMeasurement);
            }
            catch (DeviceAccessException)
            {
                // Gone already: nothing to stop.
            }
        }

        _channel.Device.Dispose();
        _gate.Dispose();
    }

    private async Task StartPeriodicAsync(CancellationToken cancellationToken)
    {
        await _channel.SendAsync(Scd4xCommand.StartPeriodicMeasurement, cancellationToken);
        _periodicStartedAt = _time.GetUtcNow();
        _lastResultAt = null;
        _restartNeeded = false;
    }

    private async Task<ushort[]> NextPeriodicResultAsync(CancellationToken cancellationToken)
    {
        if (_restartNeeded)
        {
            // Stop first: if the sensor did not reset after all, start would be refused in periodic mode.
            await _channel.StopPeriodicMeasurementAsync(cancellationToken);
            await StartPeriodicAsync(cancellationToken);
        }

        while (true)
        {
            if (await IsDataReadyAsync(cancellationToken))
            {
                ushort[] words = await _channel.QueryAsync(Scd4xCommand.ReadMeasurement, 3, cancellationToken);
                _lastResultAt = _time.GetUtcNow();
                return words;
            }

            DateTimeOffset now = _time.GetUtcNow();
            DateTimeOffset firstDue = _periodicStartedAt + Scd4xProtocol.SignalUpdateInterval;
            if (_lastResultAt is null && now < firstDue)
            {
                throw new SensorFaultException(SensorFaultKind.WarmingUp, Description,
                    $"{Description} started measuring at {_periodicStartedAt:HH:mm:ss} UTC; its first result comes 5 s after the start, at {firstDue:HH:mm:ss}. Read again after that.");
            }

            TimeSpan silence = now - (_lastResultAt ?? _periodicStartedAt);
            if (silence > MissingDataLimit)
            {
                _restartNeeded = true;
                throw new SensorFaultException(SensorFaultKind.NotAnswering, Description,
                    $"{Description} has produced no new measurement for {silence.TotalSeconds:0} s although it measures every 5 s: it has probably reset (a supply dip) and left periodic mode. The next reading restarts it; check its supply (3.3 V with peaks of 205 mA, datasheet §2.1) if this recurs.");
            }

            await _channel.WaitAsync(PollInterval, cancellationToken);
        }
    }

    private async Task<ushort[]> SingleShotResultAsync(CancellationToken cancellationToken)
    {
        if (_firstSingleShot)
        {
            // §3.10: "After a power cycle, the initial single shot reading should be discarded to maximize accuracy."
            await SingleShotAsync(cancellationToken);
            _firstSingleShot = false;
        }

        return await SingleShotAsync(cancellationToken);
    }

    private async Task<ushort[]> SingleShotAsync(CancellationToken cancellationToken)
    {
        try
        {
            _channel.Send(Scd4xCommand.MeasureSingleShot);
        }
        catch (DeviceAccessException e) when (e.Error == DeviceAccessError.NotAnswering)
        {
            throw new SensorFaultException(SensorFaultKind.NotAnswering, Description,
                $"{Description} did not acknowledge measure_single_shot (0x219D). Only the SCD41 measures on demand: if this is an SCD40, configure periodic mode; otherwise check its power and SDA/SCL wiring.", e);
        }

        await _channel.WaitAsync(Scd4xProtocol.ExecutionTime(Scd4xCommand.MeasureSingleShot), cancellationToken);
        DateTimeOffset giveUpAt = _time.GetUtcNow() + SingleShotGrace;
        while (!await IsDataReadyAsync(cancellationToken))
        {
            if (_time.GetUtcNow() >= giveUpAt)
            {
                throw new SensorFaultException(SensorFaultKind.NotAnswering, Description,
                    $"{Description} has no result 6 s after measure_single_shot, which takes 5 s: it has probably reset. Check its supply; power-cycle it if this recurs.");
            }

            await _channel.WaitAsync(PollInterval, cancellationToken);
        }

        return await _channel.QueryAsync(Scd4xCommand.ReadMeasurement, 3, cancellationToken);
    }

    private async Task<bool> IsDataReadyAsync(CancellationToken cancellationToken)
    {
        ushort[] status = await _channel.QueryAsync(Scd4xCommand.GetDataReadyStatus, 1, cancellationToken);
        return (status[0] & Scd4xProtocol.DataReadyMask) != 0;
    }

    private Scd4xReading Decode(ushort[] words)
    {
        double co2 = words[0];
        double temperatureCelsius = Scd4xProtocol.TemperatureCelsius(words[1]);
        double humidityPercent = Scd4xProtocol.RelativeHumidityPercent(words[2]);
        Co2Range.Check(Description, Metric.Co2PartsPerMillion, co2);
        TemperatureRange.Check(Description, Metric.TemperatureCelsius, temperatureCelsius);
        HumidityRange.Check(Description, Metric.RelativeHumidityPercent, humidityPercent);

        DateTimeOffset now = _time.GetUtcNow();
        if (_stuck.IsStuck([words[0], words[1], words[2]], now))
        {
            throw new SensorFaultException(SensorFaultKind.Stuck, Description,
                $"{Description} has returned exactly the same words (CO2 {words[0]} ppm, temperature 0x{words[1]:x4}, humidity 0x{words[2]:x4}) for more than {StuckAfter.TotalMinutes:0} minutes, although its CO2 output jitters by several ppm between measurements: its firmware is frozen. Power-cycle it; replace it if this persists.");
        }

        return new Scd4xReading(co2, temperatureCelsius, humidityPercent, now);
    }
}

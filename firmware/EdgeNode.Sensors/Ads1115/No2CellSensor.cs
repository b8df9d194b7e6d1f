using System.Device.I2c;
using EdgeNode.Hardware;
using EdgeNode.Hardware.I2c;

namespace EdgeNode.Sensors.Ads1115;

/// <summary>
/// An Alphasense NO2-B43F electrochemical cell on its ISB board, whose working- and auxiliary-electrode outputs
/// are read by an <see cref="Ads1115Adc"/> (single-ended, ±2.048 V, 8 SPS: the quietest rate, and the ISB
/// outputs sit well inside ±2.048 V). Reports NO2 in µg/m³ at 20 °C and 101.3 kPa, the reference conditions of
/// EU air-quality law for gases (Directive 2008/50/EC): 1 ppb NO2 = 46.0055 g/mol / 24.055 L/mol = 1.91 µg/m³.
/// </summary>
/// <remarks>
/// An electrochemical cell needs hours to days to stabilise after it was last unpowered; readings in that time
/// are valid conversions but drift, which only the fleet's calibration can see. The sensor owns the device.
/// </remarks>
public sealed class No2CellSensor : IEnvironmentalSensor
{
    /// <summary>µg/m³ per ppb of NO2 at 20 °C, 101.3 kPa.</summary>
    public const double MicrogramsPerCubicMetrePerPpb = 1.91;

    private const Ads1115FullScale FullScale = Ads1115FullScale.PlusMinus2048Millivolts;
    private const Ads1115DataRate DataRate = Ads1115DataRate.Sps8;

    // Alphasense NO2-B43F: range 20 ppm. Below zero, values are the cell's noise around its zero and must be kept
    // for unbiased averages; more than 50 ppb below zero (several times that noise) means a drifted zero or a
    // faulty electrode.
    private static readonly MeasurementRange No2Range = new(-50 * MicrogramsPerCubicMetrePerPpb, 20_000 * MicrogramsPerCubicMetrePerPpb);

    // An ADC code is 62.5 µV at ±2.048 V while the cell and ISB noise, of the order of a ppb at 0.2–0.5 mV/ppb,
    // spans several codes: two electrode codes unchanged for half an hour mean a frozen ADC or a dead board.
    private static readonly TimeSpan StuckAfter = TimeSpan.FromMinutes(30);

    private readonly Ads1115Adc _adc;
    private readonly TimeProvider _time;
    private readonly StuckValueDetector _stuck = new(StuckAfter);
    private readonly ExclusiveGate _gate = new();
    private bool _disposed;

    private No2CellSensor(Ads1115Adc adc, TimeProvider time, No2CellCalibration calibration, string description)
    {
        _adc = adc;
        _time = time;
        Calibration = calibration;
        Description = description;
    }

    /// <summary>"NO2-B43F via ADS1115 at I2C bus 1, address 0x48".</summary>
    public string Description { get; }

    public IReadOnlyList<Metric> Metrics { get; } = [Metric.No2MicrogramsPerCubicMetre];

    public No2CellCalibration Calibration { get; }

    /// <summary>Checks that an ADS1115 in its power-up state answers; the sensor then owns the device (disposed if opening fails).</summary>
    /// <exception cref="SensorFaultException"><see cref="SensorFaultKind.NotPresent"/> when nothing answers or the thresholds are not an ADS1115's.</exception>
    public static Task<No2CellSensor> OpenAsync(I2cDevice device, TimeProvider timeProvider, No2CellCalibration calibration)
    {
        ArgumentNullException.ThrowIfNull(device);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(calibration);
        if (calibration.SensitivityMillivoltsPerPpb == 0 || !double.IsFinite(calibration.SensitivityMillivoltsPerPpb))
        {
            throw new ArgumentOutOfRangeException(nameof(calibration), calibration.SensitivityMillivoltsPerPpb,
                "The sensitivity (mV/ppb, from the ISB certificate) must be a non-zero number.");
        }

        string description = $"NO2-B43F via ADS1115 at {device.ConnectionSettings.Describe()}";
        var adc = new Ads1115Adc(device, timeProvider);
        try
        {
            (ushort LowThreshold, ushort HighThreshold) thresholds = adc.ReadThresholds();
            if (!Ads1115Adc.AreThresholdsAtPowerUp(thresholds))
            {
                throw new SensorFaultException(SensorFaultKind.NotPresent, description,
                    $"{description}: the comparator thresholds read 0x{thresholds.LowThreshold:X4}/0x{thresholds.HighThreshold:X4}, expected the ADS1115's power-up 0x8000/0x7FFF: another device answers at this address, or another program configured it. Check the address (ADDR to GND = 0x48) and what is fitted.");
            }

            return Task.FromResult(new No2CellSensor(adc, timeProvider, calibration, description));
        }
        catch (DeviceAccessException e)
        {
            adc.Dispose();
            throw e.ToSensorFault("ADS1115", description, identifying: true);
        }
        catch
        {
            adc.Dispose();
            throw;
        }
    }

    public async Task<IReadOnlyList<Measurement>> ReadAsync(CancellationToken cancellationToken = default)
    {
        No2CellReading reading = await MeasureAsync(cancellationToken);
        return [new Measurement(Metric.No2MicrogramsPerCubicMetre, reading.No2MicrogramsPerCubicMetre)];
    }

    /// <summary>Converts both electrode outputs (about 0.3 s) and applies the calibration.</summary>
    /// <exception cref="SensorFaultException">No trustworthy value could be read; the kind says why.</exception>
    public async Task<No2CellReading> MeasureAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return await _gate.RunAsync(async () =>
        {
            try
            {
                Ads1115Sample we = await ConvertAsync(Calibration.WorkingElectrodeInput, "working electrode (WE)", cancellationToken);
                Ads1115Sample ae = await ConvertAsync(Calibration.AuxiliaryElectrodeInput, "auxiliary electrode (AE)", cancellationToken);
                double weMillivolts = we.Volts * 1000;
                double aeMillivolts = ae.Volts * 1000;
                double ppb = Calibration.PartsPerBillion(weMillivolts, aeMillivolts);
                double microgramsPerCubicMetre = ppb * MicrogramsPerCubicMetrePerPpb;
                No2Range.Check(Description, Metric.No2MicrogramsPerCubicMetre, microgramsPerCubicMetre);

                DateTimeOffset now = _time.GetUtcNow();
                if (_stuck.IsStuck([we.Code, ae.Code], now))
                {
                    throw new SensorFaultException(SensorFaultKind.Stuck, Description,
                        $"{Description} has returned exactly the same ADC codes (WE {we.Code}, AE {ae.Code}) for more than {StuckAfter.TotalMinutes:0} minutes, which a live electrochemical cell never does: the ADC is frozen or the ISB is dead. Power-cycle the node; check the ISB supply.");
                }

                return new No2CellReading(microgramsPerCubicMetre, ppb, weMillivolts, aeMillivolts, now);
            }
            catch (DeviceAccessException e)
            {
                throw e.ToSensorFault("ADS1115", Description, identifying: false);
            }
            catch (InvalidDataException e)
            {
                throw new SensorFaultException(SensorFaultKind.CorruptData, Description,
                    $"{Description} did not keep its configuration ({e.Message}): the I2C bus corrupts data. Check wire length, pull-ups and interference.", e);
            }
            catch (TimeoutException e)
            {
                throw new SensorFaultException(SensorFaultKind.NotAnswering, Description,
                    $"{Description}: {e.Message} Power-cycle the node; replace the ADC board if this persists.", e);
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
        _adc.Dispose();
        _gate.Dispose();
    }

    private async Task<Ads1115Sample> ConvertAsync(Ads1115Input input, string electrode, CancellationToken cancellationToken)
    {
        Ads1115Sample sample = await _adc.ConvertAsync(input, FullScale, DataRate, cancellationToken);
        // Single-ended inputs: a clipped code means the output left 0…2.048 V, which a working ISB never does.
        if (sample.IsClipped)
        {
            throw new SensorFaultException(SensorFaultKind.OutOfRange, Description,
                $"{Description}: the {electrode} output on {input} is beyond the ADC's ±2.048 V range (code {sample.Code}): the ISB is unpowered, miswired or faulty. Check its supply and the {input} wire.");
        }

        return sample;
    }
}

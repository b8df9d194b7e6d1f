using System.Buffers.Binary;
using System.Device.I2c;

namespace EdgeNode.Sensors.Ads1115;

/// <summary>
/// Texas Instruments ADS1115 16-bit delta-sigma ADC on I2C (0x48 with ADDR to GND; 0x49 VDD, 0x4A SDA, 0x4B SCL),
/// used in single-shot mode (datasheet SBAS444 §9.4.2): each conversion is started by writing the Config register
/// with OS = 1, polled on OS, and read from the Conversion register. Not a sensor by itself: sensors built on it
/// (such as <see cref="No2CellSensor"/>) turn its exceptions into <see cref="SensorFaultException"/>s.
/// </summary>
/// <remarks>Owns the <see cref="I2cDevice"/> and disposes it.</remarks>
public sealed class Ads1115Adc(I2cDevice device, TimeProvider timeProvider) : IDisposable
{
    // §7.5 Electrical Characteristics: the data rate may be 10 % slower than nominal.
    private const double DataRateTolerance = 1.1;
    private const int StatusPolls = 10;

    public I2cConnectionSettings ConnectionSettings => device.ConnectionSettings;

    /// <summary>
    /// The ADS1115 has no identification register; the comparator thresholds, which this code never changes, still
    /// hold their power-up values 0x8000 and 0x7FFF (§9.6.4) on a genuine part. Returns what was read.
    /// </summary>
    /// <exception cref="EdgeNode.Hardware.DeviceAccessException">The transfer failed.</exception>
    public (ushort LowThreshold, ushort HighThreshold) ReadThresholds() =>
        (ReadRegister(Ads1115Register.LowThreshold), ReadRegister(Ads1115Register.HighThreshold));

    /// <summary>True when the thresholds read as on a freshly powered ADS1115.</summary>
    public static bool AreThresholdsAtPowerUp((ushort LowThreshold, ushort HighThreshold) thresholds) =>
        thresholds is (Ads1115Config.PowerUpLowThreshold, Ads1115Config.PowerUpHighThreshold);

    /// <summary>Runs one single-shot conversion of <paramref name="input"/>.</summary>
    /// <exception cref="EdgeNode.Hardware.DeviceAccessException">The transfer failed.</exception>
    /// <exception cref="InvalidDataException">The Config register read back other settings than were written: the bus corrupts data.</exception>
    /// <exception cref="TimeoutException">The conversion did not finish within 1/DR plus the data-rate tolerance and 10 polls.</exception>
    public async Task<Ads1115Sample> ConvertAsync(
        Ads1115Input input, Ads1115FullScale fullScale, Ads1115DataRate dataRate, CancellationToken cancellationToken = default)
    {
        ushort config = Ads1115Config.SingleShot(input, fullScale, dataRate);
        WriteRegister(Ads1115Register.Config, (ushort)(config | Ads1115Config.OperationalStatus));

        TimeSpan conversionTime = Ads1115Config.ConversionTime(dataRate);
        await Task.Delay(WholeMilliseconds(conversionTime * DataRateTolerance), timeProvider, cancellationToken);
        for (int poll = 0; ; poll++)
        {
            ushort status = ReadRegister(Ads1115Register.Config);
            if ((status & ~Ads1115Config.OperationalStatus) != config)
            {
                throw new InvalidDataException(
                    $"The ADS1115 Config register reads 0x{status:X4} after 0x{config | Ads1115Config.OperationalStatus:X4} was written.");
            }

            if ((status & Ads1115Config.OperationalStatus) != 0)
            {
                break;
            }

            if (poll == StatusPolls)
            {
                throw new TimeoutException($"The ADS1115 conversion did not finish {StatusPolls} polls after its {conversionTime.TotalMilliseconds:0.#} ms.");
            }

            await Task.Delay(WholeMilliseconds(conversionTime / 10), timeProvider, cancellationToken);
        }

        short code = (short)ReadRegister(Ads1115Register.Conversion);
        double volts = code * Ads1115Config.FullScaleVolts(fullScale) / 32768;
        return new Ads1115Sample(code, volts, code is Ads1115Config.PositiveFullScaleCode or Ads1115Config.NegativeFullScaleCode);
    }

    public void Dispose() => device.Dispose();

    /// <summary>Timers count whole milliseconds and drop the rest, so round waits up (at 860 SPS a conversion is 1.16 ms).</summary>
    private static TimeSpan WholeMilliseconds(TimeSpan delay) => TimeSpan.FromMilliseconds(Math.Ceiling(delay.TotalMilliseconds));

    /// <summary>§9.5.3: a write is the pointer byte then the register's two bytes, most significant first.</summary>
    private void WriteRegister(Ads1115Register register, ushort value) =>
        device.Write([(byte)register, (byte)(value >> 8), (byte)value]);

    /// <summary>§9.5.3: a read sets the pointer, then reads two bytes, most significant first.</summary>
    private ushort ReadRegister(Ads1115Register register)
    {
        Span<byte> value = stackalloc byte[2];
        device.WriteRead([(byte)register], value);
        return BinaryPrimitives.ReadUInt16BigEndian(value);
    }
}

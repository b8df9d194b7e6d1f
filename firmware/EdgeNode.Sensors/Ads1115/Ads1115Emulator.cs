using System.Buffers.Binary;
using EdgeNode.Hardware.Emulation;
using EdgeNode.Sensors.Emulation;

namespace EdgeNode.Sensors.Ads1115;

/// <summary>
/// An ADS1115 at register level (datasheet SBAS444 §9.5–9.6): pointer register, the four 16-bit registers with
/// their power-up values, single-shot conversions started by OS = 1 that take 1/DR on the shared
/// <see cref="TimeProvider"/> (OS reads 0 meanwhile), continuous mode, and codes clipped at ± full scale. The
/// analogue inputs come from a function of input pin and time.
/// </summary>
/// <remarks>
/// Faults: <see cref="EmulatedFault.Silent"/> NACKs; <see cref="EmulatedFault.WrongDevice"/> plays another chip
/// whose registers 2 and 3 read 0x0000 and ignore writes; <see cref="EmulatedFault.CorruptData"/> flips bit 12
/// (a MUX bit) of every Config read, as a glitch on SDA would; <see cref="EmulatedFault.OutOfRange"/> drives
/// every input beyond the full scale (an unpowered or shorted front end), so codes clip;
/// <see cref="EmulatedFault.Stuck"/> freezes the Conversion register.
/// </remarks>
public sealed class Ads1115Emulator(TimeProvider timeProvider, Func<Ads1115Input, DateTimeOffset, double> inputVolts)
    : EmulatedI2cDevice(DefaultAddress), IEmulatedSensor
{
    /// <summary>ADDR to GND (datasheet §9.5.1), until plugged into a bus elsewhere.</summary>
    public const int DefaultAddress = 0x48;

    private readonly Lock _lock = new();
    private byte _pointer;
    private ushort _config = Ads1115Config.PowerUp;
    private ushort _lowThreshold = Ads1115Config.PowerUpLowThreshold;
    private ushort _highThreshold = Ads1115Config.PowerUpHighThreshold;
    private short _conversion;
    private DateTimeOffset? _conversionDoneAt;

    public EmulatedFault Fault { get; set; }

    public override bool TryWrite(ReadOnlySpan<byte> data)
    {
        lock (_lock)
        {
            if (Fault == EmulatedFault.Silent)
            {
                return false;
            }

            DateTimeOffset now = timeProvider.GetUtcNow();
            Update(now);
            if (data.Length == 0)
            {
                return true;
            }

            _pointer = (byte)(data[0] & 0b11);
            if (data.Length >= 3)
            {
                WriteRegister((Ads1115Register)_pointer, BinaryPrimitives.ReadUInt16BigEndian(data[1..]), now);
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

            DateTimeOffset now = timeProvider.GetUtcNow();
            Update(now);
            ushort value = ReadRegister((Ads1115Register)_pointer, now);
            // §9.5.3: the register's two bytes, most significant first; a master reading on gets them again.
            for (int i = 0; i < data.Length; i++)
            {
                data[i] = i % 2 == 0 ? (byte)(value >> 8) : (byte)value;
            }

            return true;
        }
    }

    private ushort ReadRegister(Ads1115Register register, DateTimeOffset now) => register switch
    {
        Ads1115Register.Conversion => (ushort)_conversion,
        Ads1115Register.Config => (ushort)((_conversionDoneAt > now ? _config & ~Ads1115Config.OperationalStatus : _config | Ads1115Config.OperationalStatus)
            ^ (Fault == EmulatedFault.CorruptData ? 0x1000 : 0)),
        Ads1115Register.LowThreshold => Fault == EmulatedFault.WrongDevice ? (ushort)0 : _lowThreshold,
        _ => Fault == EmulatedFault.WrongDevice ? (ushort)0 : _highThreshold,
    };

    private void WriteRegister(Ads1115Register register, ushort value, DateTimeOffset now)
    {
        switch (register)
        {
            case Ads1115Register.Config:
                bool idle = _conversionDoneAt is null || _conversionDoneAt <= now;
                _config = (ushort)(value & ~Ads1115Config.OperationalStatus);
                // §9.6.3: OS = 1 starts a conversion only in power-down state; continuous mode starts on its own.
                if ((value & Ads1115Config.SingleShotMode) == 0 || ((value & Ads1115Config.OperationalStatus) != 0 && idle))
                {
                    _conversionDoneAt = now + Ads1115Config.ConversionTime(Ads1115Config.DataRate(_config));
                }

                break;
            case Ads1115Register.LowThreshold when Fault != EmulatedFault.WrongDevice:
                _lowThreshold = value;
                break;
            case Ads1115Register.HighThreshold when Fault != EmulatedFault.WrongDevice:
                _highThreshold = value;
                break;
            default:
                // The Conversion register is read-only.
                break;
        }
    }

    private void Update(DateTimeOffset now)
    {
        if (_conversionDoneAt is not { } doneAt || doneAt > now)
        {
            return;
        }

        if (Fault != EmulatedFault.Stuck)
        {
            _conversion = Convert(doneAt);
        }

        bool continuous = (_config & Ads1115Config.SingleShotMode) == 0;
        _conversionDoneAt = continuous ? now + Ads1115Config.ConversionTime(Ads1115Config.DataRate(_config)) : null;
    }

    private short Convert(DateTimeOffset at)
    {
        double fullScale = Ads1115Config.FullScaleVolts(_config);
        double volts = Fault == EmulatedFault.OutOfRange ? 2 * fullScale : inputVolts(Ads1115Config.Input(_config), at);
        return (short)Math.Clamp(Math.Round(volts / fullScale * 32768), short.MinValue, short.MaxValue);
    }
}

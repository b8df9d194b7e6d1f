using EdgeNode.Hardware.Emulation;
using EdgeNode.Sensors.Emulation;

namespace EdgeNode.Sensors.Pms5003;

/// <summary>
/// A PMS5003 on the far end of an emulated serial line, byte for byte as the data manual V2.3 describes it: it
/// powers up awake in active mode, streaming a frame every 2.3 s while the air is steady and every 200–800 ms
/// when it changes fast (the higher the concentration, the shorter); in passive mode it answers 0xE2 only;
/// asleep, fan and laser are off and only the wake-up command is heard. It acknowledges 0xE1 and 0xE4 sleep
/// with the 8-byte answer real units send. Injected faults appear on the wire as a broken unit would show them.
/// </summary>
public sealed class Pms5003Emulator : IEmulatedSerialPeripheral, IEmulatedSensor
{
    /// <summary>Manual, "Output result": stable mode interval 2.3 s.</summary>
    private static readonly TimeSpan StableInterval = TimeSpan.FromSeconds(2.3);

    /// <summary>While unpowered or held asleep by SET the port keeps asking, so that frames resume once it runs.</summary>
    private static readonly TimeSpan PinPoll = TimeSpan.FromSeconds(1);

    private readonly IAmbientModel _ambient;
    private readonly Random _random;
    private readonly List<byte> _fromHost = [];
    private DateTimeOffset? _nextFrameAt;
    private double _lastPm25 = double.NaN;
    private byte[]? _stuckFrame;
    private bool _powered = true;

    /// <param name="ambient">The air the emulated sensor measures.</param>
    /// <param name="seed">Seeds the measurement noise, so a run can be repeated exactly.</param>
    public Pms5003Emulator(IAmbientModel ambient, int seed = 5003)
    {
        _ambient = ambient;
        _random = new Random(seed);
    }

    public EmulatedFault Fault { get; set; }

    /// <summary>True in passive mode (frames only on 0xE2); false, the power-up default, streams frames.</summary>
    public bool Passive { get; set; }

    /// <summary>True after the sleep command: nothing is sent, fan and laser are off.</summary>
    public bool Sleeping { get; private set; }

    public bool FanRunning => Powered && SetPinHigh && !Sleeping;

    /// <summary>
    /// The SET pin (manual, pin 3): low puts the sensor to sleep, fan and laser off, deaf and mute on the UART; high
    /// or unconnected (it is pulled up inside, the default) lets it run.
    /// </summary>
    public bool SetPinHigh { get; set; } = true;

    /// <summary>Its 5 V supply. Off, it is dead to the wire; back on, it starts afresh: awake, in active mode.</summary>
    public bool Powered
    {
        get => _powered;
        set
        {
            if (value && !_powered)
            {
                Sleeping = false;
                Passive = false;
                _nextFrameAt = null;
                _fromHost.Clear();
            }

            _powered = value;
        }
    }

    /// <summary>Data 13, reserved in the manual; units send their firmware version in the high byte and an error code in the low byte.</summary>
    public ushort Reserved { get; set; } = 0x9700;

    /// <summary>
    /// The real sensor's scatter: mass about ±10 %, counts about ±5 % plus counting noise. As on real units, very
    /// clean air gives 0 µg/m³ frame after frame while the counts keep moving. Off, it reports the ambient values
    /// exactly (CF=1 derived from them as below, counts from the mass), for tests that assert exact values.
    /// </summary>
    public bool Noise { get; set; } = true;

    /// <summary>Valid command packets received (whatever they were), so a test can tell the sensor was left alone.</summary>
    public int CommandsReceived { get; private set; }

    public ReadOnlyMemory<byte> Receive(ReadOnlySpan<byte> fromHost, DateTimeOffset now)
    {
        if (!Powered || !SetPinHigh)
        {
            return ReadOnlyMemory<byte>.Empty;
        }

        _fromHost.AddRange(fromHost);
        var answer = new List<byte>();
        while (TryTakeCommand(out Pms5003Command command, out byte data))
        {
            CommandsReceived++;
            if (Fault is EmulatedFault.Silent or EmulatedFault.WrongDevice)
            {
                continue;
            }

            if (Sleeping && !(command == Pms5003Command.SleepOrWake && data == Pms5003Protocol.Wake))
            {
                continue;
            }

            answer.AddRange(Execute(command, data, now));
        }

        return answer.ToArray();
    }

    public SerialEmission Emit(DateTimeOffset now)
    {
        if (!Powered || !SetPinHigh)
        {
            return new SerialEmission(ReadOnlyMemory<byte>.Empty, now + PinPoll);
        }

        if (Fault == EmulatedFault.WrongDevice)
        {
            return new SerialEmission(NovaFrame(now), now + TimeSpan.FromSeconds(1));
        }

        if (Sleeping || Passive)
        {
            return SerialEmission.Silent;
        }

        if (_nextFrameAt is { } due && now < due)
        {
            return new SerialEmission(ReadOnlyMemory<byte>.Empty, due);
        }

        byte[] frame = MeasurementFrame(now, out TimeSpan interval);
        _nextFrameAt = now + interval;
        // A silent unit still gets asked again, so that its frames resume when the fault is cleared.
        return new SerialEmission(Fault == EmulatedFault.Silent ? ReadOnlyMemory<byte>.Empty : frame, _nextFrameAt);
    }

    private byte[] Execute(Pms5003Command command, byte data, DateTimeOffset now)
    {
        switch (command)
        {
            case Pms5003Command.ChangeMode:
                Passive = data == Pms5003Protocol.PassiveMode;
                return Outgoing(Pms5003FrameCodec.EncodeAcknowledgement(command, data));
            case Pms5003Command.ReadPassive when Passive:
                return MeasurementFrame(now, out _);
            case Pms5003Command.SleepOrWake when data == Pms5003Protocol.Sleep:
                Sleeping = true;
                return Outgoing(Pms5003FrameCodec.EncodeAcknowledgement(command, data));
            case Pms5003Command.SleepOrWake when data == Pms5003Protocol.Wake && Sleeping:
                // The fan spins up before the first frame; no answer to the wake-up itself.
                Sleeping = false;
                _nextFrameAt = now + StableInterval;
                return [];
            default:
                return [];
        }
    }

    private byte[] MeasurementFrame(DateTimeOffset now, out TimeSpan interval)
    {
        AmbientConditions air = _ambient.At(now);
        int pm1 = Mass(air.Pm1MicrogramsPerCubicMetre);
        int pm25 = Math.Max(pm1, Mass(air.Pm25MicrogramsPerCubicMetre));
        int pm10 = Math.Max(pm25, Mass(air.Pm10MicrogramsPerCubicMetre));
        interval = NextInterval(pm25);

        // Over 0.3 µm: a few hundred per 0.1 L in clean air, tens of thousands in smoke; each larger bin is a fraction of the one below.
        int over03 = Count((150 * pm1) + (60 * (pm25 - pm1)) + 80);
        int over05 = Math.Min(over03, Count(over03 * 0.3));
        int over1 = Math.Min(over05, Count(over03 * 0.06));
        int over25 = Math.Min(over1, Count((4 * (pm10 - pm25)) + (over03 * 0.005)));
        int over5 = Math.Min(over25, Count(over25 * 0.3));
        int over10 = Math.Min(over5, Count(over25 * 0.1));
        int pm25Atmospheric = Fault == EmulatedFault.OutOfRange ? 0xFFFF : pm25;
        ushort[] words =
        [
            Standard(pm1), Standard(pm25), Standard(pm10), (ushort)pm1, (ushort)pm25Atmospheric, (ushort)pm10,
            (ushort)over03, (ushort)over05, (ushort)over1, (ushort)over25, (ushort)over5, (ushort)over10, Reserved,
        ];
        byte[] frame = Pms5003FrameCodec.EncodeFrame(words);
        if (Fault == EmulatedFault.Stuck)
        {
            return _stuckFrame ??= frame;
        }

        _stuckFrame = null;
        return Outgoing(frame);
    }

    /// <summary>Manual, "Output result": steady air, 2.3 s; a big change, 200–800 ms, shorter the higher the concentration.</summary>
    private TimeSpan NextInterval(int pm25)
    {
        bool fastChange = !double.IsNaN(_lastPm25) && Math.Abs(pm25 - _lastPm25) > Math.Max(10, _lastPm25 * 0.2);
        _lastPm25 = pm25;
        // Whole milliseconds: the sensor's timer has no finer tick, and a virtual clock cannot wait less than 1 ms.
        return fastChange ? TimeSpan.FromMilliseconds(800 - (600 * Math.Min(pm25, 500) / 500)) : StableInterval;
    }

    /// <summary>
    /// CF=1 equals the atmospheric value in clean air and reads about 1.5 times higher in dense aerosol, as
    /// field data from these units shows (the manual gives no formula).
    /// </summary>
    private static ushort Standard(int atmospheric) => (ushort)Math.Min(0xFFFF, atmospheric <= 30 ? atmospheric : 30 + ((atmospheric - 30) * 1.5));

    private byte[] Outgoing(byte[] frame)
    {
        if (Fault == EmulatedFault.CorruptData)
        {
            // One flipped bit in the data, as line noise does: the check word no longer matches.
            frame[Pms5003Protocol.HeaderLength + _random.Next(frame.Length - Pms5003Protocol.HeaderLength - 2)] ^= (byte)(1 << _random.Next(8));
        }

        return frame;
    }

    private int Mass(double microgramsPerCubicMetre)
    {
        double value = microgramsPerCubicMetre;
        if (Noise)
        {
            value *= 1 + ((_random.NextDouble() - 0.5) * 0.2);
        }

        // Manual, technical index: resolution 1 µg/m³.
        return (int)Math.Round(Math.Clamp(value, 0, 0xFFFF));
    }

    private int Count(double particles)
    {
        double value = Noise ? (particles * (1 + ((_random.NextDouble() - 0.5) * 0.1))) + ((_random.NextDouble() - 0.5) * 2 * Math.Sqrt(particles)) : particles;
        return (int)Math.Round(Math.Clamp(value, 0, 0xFFFF));
    }

    private bool TryTakeCommand(out Pms5003Command command, out byte data)
    {
        while (_fromHost.Count >= Pms5003Protocol.CommandLength)
        {
            byte[] candidate = _fromHost.GetRange(0, Pms5003Protocol.CommandLength).ToArray();
            if (Pms5003FrameCodec.IsValidCommand(candidate))
            {
                _fromHost.RemoveRange(0, Pms5003Protocol.CommandLength);
                command = (Pms5003Command)candidate[2];
                data = candidate[4];
                return true;
            }

            _fromHost.RemoveAt(0);
        }

        command = default;
        data = 0;
        return false;
    }

    /// <summary>
    /// What a Nova Fitness SDS011 in active reporting sends (10 bytes: AA C0, PM2.5 and PM10 in tenths little-endian,
    /// id, 8-bit sum, AB), for <see cref="EmulatedFault.WrongDevice"/>: the other PM sensor wired to this port.
    /// </summary>
    private byte[] NovaFrame(DateTimeOffset now)
    {
        AmbientConditions air = _ambient.At(now);
        int pm25 = (int)Math.Round(Math.Clamp(air.Pm25MicrogramsPerCubicMetre, 0, 999.9) * 10);
        int pm10 = (int)Math.Round(Math.Clamp(air.Pm10MicrogramsPerCubicMetre, 0, 999.9) * 10);
        byte[] frame = [0xAA, 0xC0, (byte)pm25, (byte)(pm25 >> 8), (byte)pm10, (byte)(pm10 >> 8), 0xA1, 0x60, 0, 0xAB];
        int sum = 0;
        for (int i = 2; i < 8; i++)
        {
            sum += frame[i];
        }

        frame[8] = (byte)sum;
        return frame;
    }
}

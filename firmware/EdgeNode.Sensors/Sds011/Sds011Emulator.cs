using EdgeNode.Hardware.Emulation;
using EdgeNode.Sensors.Emulation;

namespace EdgeNode.Sensors.Sds011;

/// <summary>
/// An SDS011 on the far end of an emulated serial line, byte for byte as Protocol V1.3 describes it: it
/// starts awake in active reporting (a measurement every second), answers commands 2, 4, 5, 6, 7 and 8 with
/// its device id, ignores packets with a bad checksum or for another id, and sleeps with fan and laser off
/// until any command wakes it (§3.4). Injected faults appear on the wire as a broken unit would show them.
/// </summary>
public sealed class Sds011Emulator : IEmulatedSerialPeripheral, IEmulatedSensor
{
    /// <summary>Specification: "serial data output frequency 1 time/s".</summary>
    private static readonly TimeSpan ReportInterval = TimeSpan.FromSeconds(1);

    private readonly IAmbientModel _ambient;
    private readonly Random _random;
    private readonly List<byte> _fromHost = [];
    private DateTimeOffset? _nextReportAt;
    private byte[]? _stuckFrame;

    /// <param name="ambient">The air the emulated sensor measures.</param>
    /// <param name="deviceId">The id bytes it sends (§2); the protocol's examples use 0xA160.</param>
    /// <param name="seed">Seeds the measurement noise, so a run can be repeated exactly.</param>
    public Sds011Emulator(IAmbientModel ambient, ushort deviceId = 0xA160, int seed = 11)
    {
        _ambient = ambient;
        DeviceId = deviceId;
        _random = new Random(seed);
    }

    public EmulatedFault Fault { get; set; }

    /// <summary>The id the sensor sends and answers to (§2); command 5 changes it.</summary>
    public ushort DeviceId { get; private set; }

    /// <summary>True in query reporting mode (§3.1); false, the factory default, streams a measurement every working period.</summary>
    public bool QueryReporting { get; set; }

    /// <summary>True after a sleep command (§3.4): nothing is sent, fan and laser are off.</summary>
    public bool Sleeping { get; private set; }

    public bool FanRunning => !Sleeping;

    /// <summary>§3.5: 0 reports continuously; 1–30 reports once every that many minutes.</summary>
    public int WorkingPeriodMinutes { get; private set; }

    /// <summary>What command 7 reports (§3.6).</summary>
    public DateOnly FirmwareDate { get; set; } = new(2018, 11, 16);

    /// <summary>
    /// The real sensor's scatter (about ±5 % and ±0.3 µg/m³ between readings). Off, it reports the ambient
    /// values exactly, for tests that compare against the protocol's worked examples.
    /// </summary>
    public bool Noise { get; set; } = true;

    /// <summary>Valid command packets received (whatever they were), so a test can tell the sensor was left alone.</summary>
    public int CommandsReceived { get; private set; }

    public ReadOnlyMemory<byte> Receive(ReadOnlySpan<byte> fromHost, DateTimeOffset now)
    {
        _fromHost.AddRange(fromHost);
        var answer = new List<byte>();
        while (TryTakeCommand(out byte[] command))
        {
            CommandsReceived++;
            if (Fault is EmulatedFault.Silent or EmulatedFault.WrongDevice)
            {
                continue;
            }

            ushort addressed = (ushort)((command[15] << 8) | command[16]);
            if (addressed != Sds011Protocol.AnyDevice && addressed != DeviceId)
            {
                continue;
            }

            if (Sleeping)
            {
                // §3.4: "any command from UART will wake it up when the sensor is sleeping".
                Sleeping = false;
                _nextReportAt = now + ReportInterval;
            }

            if (Execute(command, now) is { } frame)
            {
                answer.AddRange(Outgoing(frame));
            }
        }

        return answer.ToArray();
    }

    public SerialEmission Emit(DateTimeOffset now)
    {
        if (Fault == EmulatedFault.WrongDevice)
        {
            return new SerialEmission(PlantowerFrame(now), now + ReportInterval);
        }

        if (Sleeping || QueryReporting)
        {
            return SerialEmission.Silent;
        }

        TimeSpan interval = WorkingPeriodMinutes == 0 ? ReportInterval : TimeSpan.FromMinutes(WorkingPeriodMinutes);
        if (_nextReportAt is { } due && now < due)
        {
            return new SerialEmission(ReadOnlyMemory<byte>.Empty, due);
        }

        _nextReportAt = now + interval;
        // A silent unit still gets asked again, so that its reports resume when the fault is cleared.
        return Fault == EmulatedFault.Silent
            ? new SerialEmission(ReadOnlyMemory<byte>.Empty, _nextReportAt)
            : new SerialEmission(Outgoing(MeasurementFrame(now)), _nextReportAt);
    }

    private Sds011Frame? Execute(byte[] command, DateTimeOffset now)
    {
        byte operation = command[3];
        switch ((Sds011Command)command[2])
        {
            case Sds011Command.ReportingMode:
                if (operation == Sds011Protocol.Set)
                {
                    QueryReporting = command[4] == Sds011Protocol.QueryReporting;
                }

                return Sds011Frame.Reply(Sds011Command.ReportingMode, operation,
                    QueryReporting ? Sds011Protocol.QueryReporting : Sds011Protocol.ActiveReporting, 0, DeviceId);
            case Sds011Command.QueryData:
                return MeasurementFrame(now);
            case Sds011Command.SetDeviceId:
                // §3.3: the new id is in data bytes 12 and 13; the reply already carries it.
                DeviceId = (ushort)((command[13] << 8) | command[14]);
                return Sds011Frame.Reply(Sds011Command.SetDeviceId, 0, 0, 0, DeviceId);
            case Sds011Command.SleepAndWork:
                if (operation == Sds011Protocol.Set)
                {
                    Sleeping = command[4] == Sds011Protocol.Sleep;
                }

                return Sds011Frame.Reply(Sds011Command.SleepAndWork, operation, Sleeping ? Sds011Protocol.Sleep : Sds011Protocol.Work, 0, DeviceId);
            case Sds011Command.FirmwareVersion:
                return Sds011Frame.Reply(Sds011Command.FirmwareVersion, (byte)(FirmwareDate.Year - 2000), (byte)FirmwareDate.Month, (byte)FirmwareDate.Day, DeviceId);
            case Sds011Command.WorkingPeriod:
                if (operation == Sds011Protocol.Set && command[4] <= 30)
                {
                    WorkingPeriodMinutes = command[4];
                }

                return Sds011Frame.Reply(Sds011Command.WorkingPeriod, operation, (byte)WorkingPeriodMinutes, 0, DeviceId);
            default:
                return null;
        }
    }

    private Sds011Frame MeasurementFrame(DateTimeOffset now)
    {
        AmbientConditions conditions = _ambient.At(now);
        int pm25 = Tenths(conditions.Pm25MicrogramsPerCubicMetre);
        int pm10 = Math.Max(pm25, Tenths(conditions.Pm10MicrogramsPerCubicMetre));
        return Fault == EmulatedFault.OutOfRange
            ? Sds011Frame.Measurement(0xFFFF, pm10, DeviceId)
            : Sds011Frame.Measurement(pm25, pm10, DeviceId);
    }

    /// <summary>The bytes of <paramref name="frame"/> as the faulty or healthy unit puts them on the wire.</summary>
    private byte[] Outgoing(Sds011Frame frame)
    {
        byte[] bytes = Sds011FrameCodec.Encode(frame);
        if (Fault == EmulatedFault.Stuck && frame.IsMeasurement)
        {
            return _stuckFrame ??= bytes;
        }

        if (frame.IsMeasurement)
        {
            _stuckFrame = null;
        }

        if (Fault == EmulatedFault.CorruptData)
        {
            // One flipped bit, as line noise does: the checksum no longer matches.
            bytes[2 + _random.Next(6)] ^= (byte)(1 << _random.Next(8));
        }

        return bytes;
    }

    private int Tenths(double microgramsPerCubicMetre)
    {
        double value = microgramsPerCubicMetre;
        if (Noise)
        {
            value = value * (1 + ((_random.NextDouble() - 0.5) * 0.1)) + ((_random.NextDouble() - 0.5) * 0.6);
        }

        // The unit saturates at the top of its range rather than overflow.
        return (int)Math.Round(Math.Clamp(value, 0, 999.9) * Sds011Protocol.CountsPerMicrogramPerCubicMetre);
    }

    private bool TryTakeCommand(out byte[] command)
    {
        while (_fromHost.Count >= Sds011Protocol.CommandLength)
        {
            if (_fromHost[0] == Sds011Protocol.Head && _fromHost[1] == Sds011Protocol.CommandId)
            {
                byte[] candidate = _fromHost.GetRange(0, Sds011Protocol.CommandLength).ToArray();
                if (Sds011FrameCodec.IsValidCommand(candidate))
                {
                    _fromHost.RemoveRange(0, Sds011Protocol.CommandLength);
                    command = candidate;
                    return true;
                }
            }

            _fromHost.RemoveAt(0);
        }

        command = [];
        return false;
    }

    /// <summary>
    /// What a Plantower PMS5003 in active mode sends (32 bytes: "BM", length 28, 13 big-endian words, 16-bit
    /// sum), for <see cref="EmulatedFault.WrongDevice"/>: the other PM sensor wired to this port.
    /// </summary>
    private byte[] PlantowerFrame(DateTimeOffset now)
    {
        AmbientConditions conditions = _ambient.At(now);
        byte[] frame = new byte[32];
        frame[0] = 0x42;
        frame[1] = 0x4D;
        frame[3] = 28;
        ushort[] words =
        [
            (ushort)conditions.Pm1MicrogramsPerCubicMetre, (ushort)conditions.Pm25MicrogramsPerCubicMetre, (ushort)conditions.Pm10MicrogramsPerCubicMetre,
            (ushort)conditions.Pm1MicrogramsPerCubicMetre, (ushort)conditions.Pm25MicrogramsPerCubicMetre, (ushort)conditions.Pm10MicrogramsPerCubicMetre,
            (ushort)_random.Next(500, 1500), (ushort)_random.Next(100, 500), 30, 4, 1, 0, 0,
        ];
        for (int i = 0; i < words.Length; i++)
        {
            frame[4 + (2 * i)] = (byte)(words[i] >> 8);
            frame[5 + (2 * i)] = (byte)words[i];
        }

        int sum = 0;
        for (int i = 0; i < 30; i++)
        {
            sum += frame[i];
        }

        frame[30] = (byte)(sum >> 8);
        frame[31] = (byte)sum;
        return frame;
    }
}

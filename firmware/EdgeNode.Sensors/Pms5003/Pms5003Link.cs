using EdgeNode.Hardware;
using EdgeNode.Hardware.Serial;

namespace EdgeNode.Sensors.Pms5003;

/// <summary>
/// One command and its answer over the serial line, with the timing the PMS5003 allows, and the diagnosis
/// when no answer comes: silence, damaged frames, frames of another device, or a port that is gone. Every
/// failure leaves as a <see cref="SensorFaultException"/> naming the sensor.
/// </summary>
internal sealed class Pms5003Link(SerialDevice port, TimeProvider time, string sensor)
{
    /// <summary>
    /// A passive read is answered at once; a unit left in active mode sends a frame at least every 2.3 s (manual,
    /// "Output result": stable mode 2.3 s, fast mode 200–800 ms). Five seconds without an intact frame is two
    /// missed stable-mode frames: a fault, not a slow sensor.
    /// </summary>
    public static readonly TimeSpan AnswerTimeout = TimeSpan.FromSeconds(5);

    /// <summary>A command lost to line noise, or sent while the sensor was still waking, is sent again this often.</summary>
    public static readonly TimeSpan ResendEvery = TimeSpan.FromSeconds(1);

    private readonly Pms5003FrameScanner _scanner = new();
    private readonly byte[] _chunk = new byte[128];

    /// <summary>Sends <paramref name="command"/> and returns the first frame <paramref name="isAnswer"/> accepts.</summary>
    /// <param name="awaited">What the answer is, for the fault message ("a measurement").</param>
    public async Task<Pms5003Frame> ExchangeAsync(byte[] command, Func<Pms5003Frame, bool> isAnswer, string awaited, CancellationToken cancellationToken)
    {
        // Frames already waiting are stale: streamed while nobody listened, or late answers to a resent command.
        Guard(port.DiscardInput);
        _scanner.Reset();
        DateTimeOffset deadline = time.GetUtcNow() + AnswerTimeout;
        DateTimeOffset resendAt = DateTimeOffset.MinValue;
        int otherFrames = 0;
        while (true)
        {
            DateTimeOffset now = time.GetUtcNow();
            if (now >= deadline)
            {
                throw NoAnswer(awaited, otherFrames);
            }

            if (now >= resendAt)
            {
                Guard(() => port.Write(command));
                resendAt = now + ResendEvery;
            }

            int count = await ReadAsync((resendAt < deadline ? resendAt : deadline) - now, cancellationToken).ConfigureAwait(false);
            _scanner.Append(_chunk.AsSpan(0, count));
            while (_scanner.TryTake(out Pms5003Frame? frame))
            {
                if (isAnswer(frame!))
                {
                    return frame!;
                }

                otherFrames++;
            }
        }
    }

    /// <summary>Sends <paramref name="command"/> when the manual documents no answer to wait for.</summary>
    public void Send(byte[] command) => Guard(() => port.Write(command));

    private async Task<int> ReadAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            // Whole milliseconds, at least one: poll(2) and Task.Delay count in milliseconds, and a wait that rounds
            // down to nothing would return at once without time passing, again and again.
            var wait = TimeSpan.FromMilliseconds(Math.Max(1, Math.Ceiling(timeout.TotalMilliseconds)));
            return await port.ReadAsync(_chunk, wait, cancellationToken).ConfigureAwait(false);
        }
        catch (DeviceAccessException e)
        {
            throw PortFailed(e);
        }
    }

    private void Guard(Action portCall)
    {
        try
        {
            portCall();
        }
        catch (DeviceAccessException e)
        {
            throw PortFailed(e);
        }
    }

    private SensorFaultException PortFailed(DeviceAccessException e) => e.Error switch
    {
        // The port as configured cannot be used at all: nothing will answer until someone fixes the set-up.
        DeviceAccessError.NotFound or DeviceAccessError.WrongKindOfDevice or DeviceAccessError.PermissionDenied =>
            new SensorFaultException(SensorFaultKind.NotPresent, sensor, $"{sensor} cannot be reached: {e.Message}", e),
        _ => new SensorFaultException(SensorFaultKind.NotAnswering, sensor, $"{sensor} was lost: {e.Message}", e),
    };

    private SensorFaultException NoAnswer(string awaited, int otherFrames)
    {
        int seconds = (int)AnswerTimeout.TotalSeconds;
        if (_scanner.BytesReceived == 0)
        {
            return new SensorFaultException(SensorFaultKind.NotAnswering, sensor,
                $"{sensor} sent nothing for {seconds} s when asked for {awaited}: check its 5 V supply (is the fan turning?), that its TXD (pin 5) "
                + "goes to the Raspberry Pi's RXD (header pin 10) and its RXD (pin 4) to TXD (pin 8), and that SET (pin 3) is not pulled low.");
        }

        if (_scanner.RejectedFrames > 0 || _scanner.HoldsPartialFrame)
        {
            return new SensorFaultException(SensorFaultKind.CorruptData, sensor,
                $"{sensor} sent {_scanner.RejectedFrames} damaged frame(s) (wrong check word, length or cut short) and no intact {awaited} in {seconds} s: "
                + "the serial line is disturbed; check the ground wire, the 8-pin connector, and keep the cable short and away from the lamp's driver.");
        }

        if (otherFrames > 0)
        {
            return new SensorFaultException(SensorFaultKind.NotAnswering, sensor,
                $"{sensor} sends frames but ignored the command and never sent {awaited} in {seconds} s: power-cycle the sensor (or pulse RESET, pin 6); replace it if this persists.");
        }

        return new SensorFaultException(SensorFaultKind.NotPresent, sensor,
            $"{sensor}: {_scanner.BytesReceived} bytes arrived in {seconds} s but none forms a PMS5003 frame: another device is wired to "
            + $"{port.PortName} (for example a Nova SDS011) or it does not talk at {Pms5003Protocol.BaudRate} baud; check which sensor is connected.");
    }
}

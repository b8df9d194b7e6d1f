using EdgeNode.Hardware;
using EdgeNode.Hardware.Serial;

namespace EdgeNode.Sensors;

/// <summary>
/// One command and its answer over a serial line, for any sensor that talks in checksummed frames: send,
/// send again while no answer comes, wait for an intact answer until a deadline, and when none comes, say why:
/// silence, damaged frames, frames that answer nothing, or bytes of another device. The device supplies its
/// framing (<see cref="IFrameScanner{TFrame}"/>), its timing (<see cref="SerialExchangeTiming"/>) and what a
/// technician should check (<see cref="SerialLinkAdvice"/>); the diagnosis itself is the same for every device,
/// so it lives here once. Every failure, of the sensor or of the port, leaves as a
/// <see cref="SensorFaultException"/> naming the sensor.
/// </summary>
/// <param name="sensor">The model and port, e.g. "SDS011 on /dev/ttyUSB0", that every fault names.</param>
internal sealed class SerialFrameLink<TFrame>(
    SerialDevice port, TimeProvider time, string sensor, IFrameScanner<TFrame> scanner, SerialExchangeTiming timing, SerialLinkAdvice advice)
{
    // Room for several frames of either sensor; bytes beyond it stay in the port for the next read, which comes at once.
    private readonly byte[] _chunk = new byte[128];

    /// <summary>Sends <paramref name="command"/> and returns the first frame <paramref name="isAnswer"/> accepts.</summary>
    /// <param name="awaited">What the answer is, for the fault message ("a measurement").</param>
    public async Task<TFrame> ExchangeAsync(byte[] command, Func<TFrame, bool> isAnswer, string awaited, CancellationToken cancellationToken)
    {
        // Frames already waiting are stale: streamed while nobody listened, or late answers to a resent command.
        Guard(port.DiscardInput);
        scanner.Reset();
        DateTimeOffset deadline = time.GetUtcNow() + timing.AnswerTimeout;
        DateTimeOffset? sendAt = DateTimeOffset.MinValue; // the first send is due at once; null once no resend is left
        int sends = 0;
        int otherFrames = 0;
        while (true)
        {
            // The deadline before any resend: a command sent as time runs out could not be answered in time.
            DateTimeOffset now = time.GetUtcNow();
            if (now >= deadline)
            {
                throw NoAnswer(awaited, otherFrames);
            }

            if (sendAt is { } due && now >= due)
            {
                Send(command);
                sendAt = timing.NextSend(now, ++sends);
            }

            DateTimeOffset waitUntil = sendAt is { } next && next < deadline ? next : deadline;
            int count = await ReadAsync(waitUntil - now, cancellationToken).ConfigureAwait(false);
            scanner.Append(_chunk.AsSpan(0, count));
            while (scanner.TryTake(out TFrame? frame))
            {
                if (isAnswer(frame))
                {
                    return frame;
                }

                otherFrames++;
            }
        }
    }

    /// <summary>Sends <paramref name="command"/> when the device documents no answer to wait for.</summary>
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
            throw e.ToSerialSensorFault(sensor);
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
            throw e.ToSerialSensorFault(sensor);
        }
    }

    private SensorFaultException NoAnswer(string awaited, int otherFrames)
    {
        int seconds = (int)timing.AnswerTimeout.TotalSeconds;
        if (scanner.BytesReceived == 0)
        {
            return new SensorFaultException(SensorFaultKind.NotAnswering, sensor,
                $"{sensor} sent nothing for {seconds} s when asked for {awaited}: {advice.WhenSilent}");
        }

        if (scanner.RejectedFrames > 0 || scanner.HoldsPartialFrame)
        {
            return new SensorFaultException(SensorFaultKind.CorruptData, sensor,
                $"{sensor} sent {scanner.RejectedFrames} damaged frame(s) ({advice.FrameDamage}) and nothing intact in {seconds} s when asked for {awaited}: "
                + $"the serial line is disturbed; {advice.WhenDisturbed}");
        }

        if (otherFrames > 0)
        {
            return new SensorFaultException(SensorFaultKind.NotAnswering, sensor,
                $"{sensor} sends frames but ignored the command and never sent {awaited} in {seconds} s: {advice.WhenIgnored}");
        }

        return new SensorFaultException(SensorFaultKind.NotPresent, sensor,
            $"{sensor}: {scanner.BytesReceived} bytes arrived in {seconds} s but none forms {advice.FrameName}: another device is wired to "
            + $"{port.PortName} (for example {advice.LikelyOtherDevice}) or it does not talk at {advice.BaudRate} baud; check which sensor is connected.");
    }
}

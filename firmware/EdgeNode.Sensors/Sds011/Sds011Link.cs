using EdgeNode.Hardware;
using EdgeNode.Hardware.Serial;

namespace EdgeNode.Sensors.Sds011;

/// <summary>
/// One command and its answer over the serial line, with the timing the SDS011 allows, and the diagnosis
/// when no answer comes: silence, damaged frames, frames of another device, or a port that is gone. Every
/// failure leaves as a <see cref="SensorFaultException"/> naming the sensor.
/// </summary>
internal sealed class Sds011Link(SerialDevice port, TimeProvider time, string sensor)
{
    /// <summary>
    /// The sensor answers a command at once and, awake, reports once a second (specification: "serial data
    /// output frequency 1 time/s"). Three seconds without an intact answer is two missed reports: a fault,
    /// not a slow sensor.
    /// </summary>
    public static readonly TimeSpan AnswerTimeout = TimeSpan.FromSeconds(3);

    /// <summary>
    /// A command lost to line noise (or the one that only woke a sleeping sensor) is sent once more. Not
    /// sooner: Protocol V1.3 §3.2 recommends querying no more often than every 3 seconds.
    /// </summary>
    public static readonly TimeSpan ResendAfter = TimeSpan.FromSeconds(1.5);

    private readonly Sds011FrameScanner _scanner = new();
    private readonly byte[] _chunk = new byte[64];

    /// <summary>Sends <paramref name="command"/> and returns the first frame <paramref name="isAnswer"/> accepts.</summary>
    /// <param name="awaited">What the answer is, for the fault message ("a measurement").</param>
    public async Task<Sds011Frame> ExchangeAsync(byte[] command, Func<Sds011Frame, bool> isAnswer, string awaited, CancellationToken cancellationToken)
    {
        // Frames already waiting are stale (a report streamed while nobody listened, a late duplicate answer).
        Guard(port.DiscardInput);
        _scanner.Reset();
        DateTimeOffset deadline = time.GetUtcNow() + AnswerTimeout;
        DateTimeOffset? resendAt = time.GetUtcNow() + ResendAfter;
        int otherFrames = 0;
        Guard(() => port.Write(command));
        while (true)
        {
            DateTimeOffset now = time.GetUtcNow();
            if (resendAt is { } due && now >= due)
            {
                Guard(() => port.Write(command));
                resendAt = null;
            }

            if (now >= deadline)
            {
                throw NoAnswer(awaited, otherFrames);
            }

            DateTimeOffset waitUntil = resendAt is { } next && next < deadline ? next : deadline;
            int count = await ReadAsync(waitUntil - now, cancellationToken).ConfigureAwait(false);
            _scanner.Append(_chunk.AsSpan(0, count));
            while (_scanner.TryTake(out Sds011Frame frame))
            {
                if (isAnswer(frame))
                {
                    return frame;
                }

                otherFrames++;
            }
        }
    }

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
                $"{sensor} sent nothing for {seconds} s when asked for {awaited}: check its 5 V supply (is the fan turning?), "
                + "that its TX goes to the Raspberry Pi's RXD (header pin 10) and its RX to TXD (pin 8), and the connector.");
        }

        if (_scanner.RejectedFrames > 0 || _scanner.HoldsPartialFrame)
        {
            return new SensorFaultException(SensorFaultKind.CorruptData, sensor,
                $"{sensor} sent {_scanner.RejectedFrames} damaged frame(s) (wrong checksum or cut short) and no intact {awaited} in {seconds} s: "
                + "the serial line is disturbed; check the ground wire, the connector, and keep the cable short and away from the lamp's driver.");
        }

        if (otherFrames > 0)
        {
            return new SensorFaultException(SensorFaultKind.NotAnswering, sensor,
                $"{sensor} sends frames but ignored the command and never sent {awaited} in {seconds} s: power-cycle the sensor; replace it if this persists.");
        }

        return new SensorFaultException(SensorFaultKind.NotPresent, sensor,
            $"{sensor}: {_scanner.BytesReceived} bytes arrived in {seconds} s but none forms an SDS011 frame: another device is wired to "
            + $"{port.PortName} (for example a Plantower PMS5003) or it does not talk at {Sds011Protocol.BaudRate} baud; check which sensor is connected.");
    }
}

using Microsoft.Extensions.Logging;
using EdgeNode.Mqtt.Logging;

namespace EdgeNode.Mqtt.Connection;

/// <summary>
/// Keep-alive (3.1.2.10) from the client side. A PINGREQ goes out when nothing was sent for the
/// keep-alive period (so the broker does not drop us at 1.5× [MQTT-3.1.2-24]) or nothing was received for
/// it (so a silent, half-open link is noticed even while we only publish QoS 0). If nothing at all comes
/// back within half the period, the link is declared dead.
/// </summary>
internal sealed class KeepAliveMonitor(TimeSpan keepAlive, ILogger logger)
{
    private long _lastSent = Environment.TickCount64;
    private long _lastReceived = Environment.TickCount64;
    private long _pingSent; // 0: no PINGREQ outstanding

    public TimeSpan ResponseTimeout { get; } = TimeSpan.FromMilliseconds(Math.Max(500, keepAlive.TotalMilliseconds / 2));

    public void PacketSent() => Volatile.Write(ref _lastSent, Environment.TickCount64);

    public void PacketReceived()
    {
        Volatile.Write(ref _lastReceived, Environment.TickCount64);
        Volatile.Write(ref _pingSent, 0);
    }

    /// <param name="sendPing">Writes a PINGREQ.</param>
    /// <param name="receiverBackedUp">True while the reader is blocked handing messages to a slow handler:
    /// answers may be waiting unread in the socket, so silence then proves nothing.</param>
    /// <param name="timedOut">Called once when the link is declared dead.</param>
    public async Task RunAsync(Func<ValueTask> sendPing, Func<bool> receiverBackedUp, Action<string> timedOut, CancellationToken cancellationToken)
    {
        if (keepAlive <= TimeSpan.Zero)
            return;
        var keepAliveMs = (long)keepAlive.TotalMilliseconds;
        var tick = TimeSpan.FromMilliseconds(Math.Clamp(keepAliveMs / 4, 50, 1000));
        while (!cancellationToken.IsCancellationRequested)
        {
            await Task.Delay(tick, cancellationToken).ConfigureAwait(false);
            var now = Environment.TickCount64;
            var pingSent = Volatile.Read(ref _pingSent);
            if (pingSent != 0)
            {
                if (now - pingSent >= ResponseTimeout.TotalMilliseconds && !receiverBackedUp())
                {
                    timedOut($"no answer to PINGREQ within {ResponseTimeout.TotalSeconds:0.#} s (keep-alive {keepAlive.TotalSeconds:0.#} s)");
                    return;
                }
                continue;
            }
            if (now - Volatile.Read(ref _lastSent) >= keepAliveMs || now - Volatile.Read(ref _lastReceived) >= keepAliveMs)
            {
                Volatile.Write(ref _pingSent, now);
                MqttLog.PingSent(logger);
                await sendPing().ConfigureAwait(false);
            }
        }
    }
}

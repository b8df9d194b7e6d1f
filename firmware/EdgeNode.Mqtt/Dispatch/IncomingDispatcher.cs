using System.Threading.Channels;
using EdgeNode.Mqtt.Logging;
using EdgeNode.Mqtt.Packets;
using Microsoft.Extensions.Logging;

namespace EdgeNode.Mqtt.Dispatch;

/// <summary>
/// Hands received messages to the application, one at a time and in arrival order, on its own loop so
/// that a slow handler does not stop the reader from seeing PUBACKs and PINGRESPs. The queue is bounded:
/// when it is full the reader waits, TCP fills up, and the broker slows down (back-pressure instead of
/// unbounded memory on a Pi). One dispatcher per connection: PUBACKs belong to the connection that
/// received the PUBLISH.
/// </summary>
internal sealed class IncomingDispatcher(
    Func<MqttApplicationMessage, CancellationToken, ValueTask> onMessage,
    Func<ushort, ValueTask> sendPubAck,
    int capacity,
    ILogger logger)
{
    private readonly Channel<PublishPacket> _queue = Channel.CreateBounded<PublishPacket>(
        new BoundedChannelOptions(capacity) { SingleReader = true, SingleWriter = true, FullMode = BoundedChannelFullMode.Wait });
    private readonly HashSet<ushort> _unacknowledged = [];
    private readonly Lock _gate = new();
    private volatile bool _readerWaiting;

    /// <summary>True while the reader is blocked because the handler is behind.</summary>
    public bool IsBackedUp => _readerWaiting;

    public async ValueTask EnqueueAsync(PublishPacket packet, CancellationToken cancellationToken)
    {
        if (packet.QualityOfService == MqttQualityOfService.AtLeastOnce)
        {
            lock (_gate)
            {
                if (!_unacknowledged.Add(packet.PacketId))
                {
                    // The broker resent (DUP=1) a message we have not acknowledged yet: the PUBACK that the
                    // first copy will get acknowledges both, so handing it over twice gains nothing.
                    if (packet.Duplicate)
                    {
                        MqttLog.DuplicateSkipped(logger, packet.PacketId);
                        return;
                    }
                    throw new MqttProtocolViolationException("[MQTT-2.3.1-2]", $"PUBLISH reuses packet id {packet.PacketId}, which we have not acknowledged yet, without DUP.");
                }
            }
        }
        if (_queue.Writer.TryWrite(packet))
            return;
        _readerWaiting = true;
        try
        {
            await _queue.Writer.WriteAsync(packet, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _readerWaiting = false;
        }
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await foreach (var packet in _queue.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            var message = packet.ToApplicationMessage();
            try
            {
                await onMessage(message, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // The connection is ending: no PUBACK, so a persistent session gets it redelivered.
                return;
            }
            catch (Exception e)
            {
                // Chosen: log and still acknowledge. Withholding the PUBACK would not bring a retry on this
                // connection (the broker resends only after a reconnect) and would make a message the
                // handler can never process (a poison message) come back for ever. A handler that needs
                // another chance must keep its own record before it throws.
                MqttLog.HandlerFailed(logger, message.Topic, e);
            }
            if (packet.QualityOfService == MqttQualityOfService.AtLeastOnce)
            {
                // After the handler returned: at-least-once, and the handler's pace sets the broker's.
                // PUBACKs leave in the order the PUBLISHes came [MQTT-4.6.0-2].
                await sendPubAck(packet.PacketId).ConfigureAwait(false);
                lock (_gate)
                    _unacknowledged.Remove(packet.PacketId);
            }
        }
    }

    public void Complete() => _queue.Writer.TryComplete();
}

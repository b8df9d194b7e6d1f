using EdgeNode.Mqtt.Codec;
using EdgeNode.Mqtt.Dispatch;
using EdgeNode.Mqtt.Logging;
using EdgeNode.Mqtt.Packets;
using EdgeNode.Mqtt.Session;
using Microsoft.Extensions.Logging;

namespace EdgeNode.Mqtt.Connection;

/// <summary>
/// One network connection, from CONNECT to close: the handshake, the reader, the writer, keep-alive and
/// the incoming dispatcher. It never reconnects and never throws out of its loops: every way it can end
/// is recorded once in <see cref="Completion"/>, which the supervising loop awaits.
/// </summary>
internal sealed class MqttConnection : IAsyncDisposable
{
    private readonly Stream _stream;
    private readonly MqttFrameReader _reader;
    private readonly MqttPacketFormatter _formatter = new();
    private readonly MqttPacketBuffer _buffer = new();
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly CancellationTokenSource _lifetime = new();
    private readonly TaskCompletionSource<ConnectionClosure> _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly SessionState _session;
    private readonly KeepAliveMonitor _keepAlive;
    private readonly IncomingDispatcher _dispatcher;
    private readonly ILogger _logger;
    private Task _loops = Task.CompletedTask;

    private MqttConnection(Stream stream, MqttClientOptions options, SessionState session,
        Func<MqttApplicationMessage, CancellationToken, ValueTask> onMessage, ILogger logger)
    {
        _stream = stream;
        _session = session;
        _logger = logger;
        _reader = new MqttFrameReader(stream, options.MaximumIncomingPacketBytes);
        _keepAlive = new KeepAliveMonitor(options.KeepAlive, logger);
        _dispatcher = new IncomingDispatcher(onMessage, id => SendAsync(new PubAckPacket(id), CancellationToken.None), options.MaximumInFlight, logger);
    }

    public bool SessionPresent { get; private set; }

    /// <summary>Completes once, when the connection has ended, saying why.</summary>
    public Task<ConnectionClosure> Completion => _closed.Task;

    /// <summary>TCP (+TLS), CONNECT, CONNACK; throws <see cref="MqttConnectFailedException"/> for any failure.</summary>
    public static async Task<MqttConnection> OpenAsync(MqttClientOptions options, SessionState session,
        Func<MqttApplicationMessage, CancellationToken, ValueTask> onMessage, MqttTrafficCounters traffic,
        ILogger logger, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.ConnectTimeout);
        var stream = await NetworkTransport.OpenAsync(options, traffic, timeout.Token).ConfigureAwait(false);
        var connection = new MqttConnection(stream, options, session, onMessage, logger);
        try
        {
            await connection.HandshakeAsync(options, timeout.Token).ConfigureAwait(false);
            return connection;
        }
        catch (Exception e)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            throw e switch
            {
                MqttConnectFailedException failed => failed,
                MqttProtocolViolationException violation => new MqttConnectFailedException(MqttConnectionFailure.ProtocolViolation, violation.Message, violation),
                OperationCanceledException => new MqttConnectFailedException(MqttConnectionFailure.ConnectionLost, $"no CONNACK within {options.ConnectTimeout.TotalSeconds:0.#} s", e),
                _ => new MqttConnectFailedException(MqttConnectionFailure.ConnectionLost, $"handshake failed: {e.Message}", e),
            };
        }
    }

    private async Task HandshakeAsync(MqttClientOptions options, CancellationToken cancellationToken)
    {
        // The first packet on the connection is CONNECT [MQTT-3.1.0-1].
        var connect = new ConnectPacket(options.ClientId, options.CleanSession, (ushort)options.KeepAlive.TotalSeconds,
            options.Will, options.Username, options.Password);
        await WriteAsync(connect, cancellationToken).ConfigureAwait(false);

        var frame = await _reader.ReadAsync(cancellationToken).ConfigureAwait(false)
            ?? throw new MqttConnectFailedException(MqttConnectionFailure.ConnectionLost, "the broker closed the connection before CONNACK");
        var packet = _formatter.Decode(frame.FixedHeader, frame.Body);
        if (packet is not ConnAckPacket connAck)
            throw new MqttProtocolViolationException("[MQTT-3.2.0-1]", $"The broker's first packet was {packet.GetType().Name.Replace("Packet", "")}, not CONNACK.");
        if (connAck.ReturnCode != ConnectReturnCode.Accepted)
            throw new MqttConnectFailedException(Refusal(connAck.ReturnCode), $"the broker refused the connection: CONNACK {(byte)connAck.ReturnCode} ({connAck.ReturnCode})");
        SessionPresent = connAck.SessionPresent;
        _keepAlive.PacketReceived();
    }

    private static MqttConnectionFailure Refusal(ConnectReturnCode code) => code switch
    {
        ConnectReturnCode.UnacceptableProtocolVersion => MqttConnectionFailure.RefusedProtocolVersion,
        ConnectReturnCode.IdentifierRejected => MqttConnectionFailure.RefusedIdentifier,
        ConnectReturnCode.ServerUnavailable => MqttConnectionFailure.ServerUnavailable,
        ConnectReturnCode.BadUserNameOrPassword => MqttConnectionFailure.RefusedCredentials,
        _ => MqttConnectionFailure.NotAuthorised,
    };

    /// <summary>Starts reading, dispatching and keep-alive. Call once, after <see cref="OpenAsync"/>.</summary>
    public void Start()
    {
        var token = _lifetime.Token;
        _loops = Task.WhenAll(
            Task.Run(() => ReadLoopAsync(token), CancellationToken.None),
            Task.Run(() => Guard(_dispatcher.RunAsync(token)), CancellationToken.None),
            Task.Run(() => Guard(_keepAlive.RunAsync(
                () => SendAsync(PingReqPacket.Instance, CancellationToken.None),
                () => _dispatcher.IsBackedUp,
                reason => Close(new ConnectionClosure(MqttConnectionFailure.KeepAliveTimeout, reason)),
                token)), CancellationToken.None));
    }

    /// <summary>Writes one packet. Throws <see cref="MqttNotConnectedException"/> if the connection is gone or goes while writing.</summary>
    public async ValueTask SendAsync(MqttPacket packet, CancellationToken cancellationToken)
    {
        try
        {
            await WriteAsync(packet, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_lifetime.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new MqttNotConnectedException("The MQTT connection closed while sending.");
        }
    }

    private async ValueTask WriteAsync(MqttPacket packet, CancellationToken cancellationToken)
    {
        using (var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _lifetime.Token))
        {
            try
            {
                await _writeLock.WaitAsync(linked.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (_lifetime.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                throw new MqttNotConnectedException("The MQTT connection is closed.");
            }
        }
        try
        {
            if (_closed.Task.IsCompleted)
                throw new MqttNotConnectedException("The MQTT connection is closed.");
            var bytes = _formatter.Encode(packet, _buffer);
            // The caller's token stops the wait for the lock, never a half-written packet: once started,
            // a packet is written whole or the connection is closed.
            await _stream.WriteAsync(bytes, _lifetime.Token).ConfigureAwait(false);
            await _stream.FlushAsync(_lifetime.Token).ConfigureAwait(false);
            _keepAlive.PacketSent();
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException || (e is OperationCanceledException && _lifetime.IsCancellationRequested))
        {
            Close(new ConnectionClosure(MqttConnectionFailure.ConnectionLost, $"write failed: {e.Message}"));
            throw new MqttNotConnectedException("The MQTT connection closed while sending.");
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>Sends a QoS 1 publish from the session; DUP=1 if any earlier attempt began [MQTT-3.3.1-1].</summary>
    public ValueTask TransmitAsync(InFlightPublish entry, CancellationToken cancellationToken)
    {
        var message = entry.Message;
        var packet = new PublishPacket(message.Topic, message.Payload, MqttQualityOfService.AtLeastOnce, message.Retain,
            Duplicate: entry.Transmitted, entry.PacketId);
        entry.Transmitted = true;
        return SendAsync(packet, cancellationToken);
    }

    private async Task ReadLoopAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                var frame = await _reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                if (frame is null)
                {
                    Close(new ConnectionClosure(MqttConnectionFailure.ConnectionLost, "the broker closed the connection"));
                    return;
                }
                _keepAlive.PacketReceived();
                var packet = _formatter.Decode(frame.Value.FixedHeader, frame.Value.Body);
                await HandleAsync(packet, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (MqttProtocolViolationException violation)
        {
            // [MQTT-4.8.0-1]: a protocol violation closes the network connection.
            Close(new ConnectionClosure(MqttConnectionFailure.ProtocolViolation, violation.Message, violation.Clause));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            Close(new ConnectionClosure(MqttConnectionFailure.ConnectionLost, e.Message));
        }
    }

    private async ValueTask HandleAsync(MqttPacket packet, CancellationToken cancellationToken)
    {
        switch (packet)
        {
            case PublishPacket publish:
                await _dispatcher.EnqueueAsync(publish, cancellationToken).ConfigureAwait(false);
                break;
            case PubAckPacket pubAck:
                if (!_session.Publishes.Acknowledge(pubAck.PacketId))
                    MqttLog.UnknownAcknowledgement(_logger, pubAck.PacketId);
                break;
            case SubAckPacket subAck:
                _session.Requests.Complete(subAck.PacketId, subAck);
                break;
            case UnsubAckPacket unsubAck:
                _session.Requests.Complete(unsubAck.PacketId, unsubAck);
                break;
            case PingRespPacket:
                break; // PacketReceived already noted it
            case ConnAckPacket:
                throw new MqttProtocolViolationException("[MQTT-4.8.0-1]", "A second CONNACK arrived; the broker sends it once, in reply to CONNECT (3.2).");
        }
    }

    /// <summary>Ends the connection; the first reason given is the one recorded.</summary>
    public void Close(ConnectionClosure closure)
    {
        if (!_closed.TrySetResult(closure))
            return;
        _dispatcher.Complete();
        _lifetime.Cancel();
        _stream.Dispose();
    }

    /// <summary>Clean end: DISCONNECT (so the broker discards our will, 3.14.4), then close.</summary>
    public async Task DisconnectAsync(TimeSpan timeout)
    {
        if (!_closed.Task.IsCompleted)
        {
            using var limit = new CancellationTokenSource(timeout);
            try
            {
                await WriteAsync(DisconnectPacket.Instance, limit.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is MqttNotConnectedException or OperationCanceledException)
            {
            }
        }
        Close(new ConnectionClosure(MqttConnectionFailure.None, "disconnected"));
    }

    private async Task Guard(Task loop)
    {
        try
        {
            await loop.ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_lifetime.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            Close(new ConnectionClosure(MqttConnectionFailure.ConnectionLost, e.Message));
        }
    }

    public async ValueTask DisposeAsync()
    {
        Close(new ConnectionClosure(MqttConnectionFailure.ConnectionLost, "disposed"));
        try
        {
            await _loops.ConfigureAwait(false);
        }
        catch (Exception)
        {
            // Guarded loops do not throw; this is only belt and braces for disposal.
        }
        // _lifetime is not disposed: a late SendAsync may still link to its token, and it holds no timer.
    }
}

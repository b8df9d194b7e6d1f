using EdgeNode.Mqtt.Codec;
using EdgeNode.Mqtt.Connection;
using EdgeNode.Mqtt.Packets;
using EdgeNode.Mqtt.Session;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace EdgeNode.Mqtt;

/// <summary>
/// An MQTT 3.1.1 client that stays connected: a supervising loop connects, and after any loss reconnects
/// with exponential back-off and full jitter, resending unacknowledged QoS 1 publishes and subscribing
/// again. Received messages go to the handler given here, one at a time, in order; a QoS 1 message is
/// acknowledged after the handler returns.
/// </summary>
public sealed class MqttClient : IAsyncDisposable
{
    private readonly MqttClientOptions _options;
    private readonly SessionState _session;
    private readonly ConnectionSupervisor _supervisor;

    /// <param name="onMessage">Called for every received message, in order, never concurrently. Let it be
    /// idempotent: at-least-once means a message may come twice.</param>
    public MqttClient(MqttClientOptions options, Func<MqttApplicationMessage, CancellationToken, ValueTask> onMessage, ILogger<MqttClient>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(onMessage);
        options.Validate();
        _options = options;
        _session = new SessionState(options);
        _supervisor = new ConnectionSupervisor(options, _session, onMessage, Traffic, (ILogger?)logger ?? NullLogger.Instance);
    }

    public MqttConnectionState State => _supervisor.State;

    /// <summary>Raised on the supervising loop's thread at every connect, failed attempt and loss; keep handlers short.</summary>
    public event Action<MqttConnectionState>? StateChanged
    {
        add => _supervisor.StateChanged += value;
        remove => _supervisor.StateChanged -= value;
    }

    public MqttTrafficCounters Traffic { get; } = new();

    /// <summary>Starts the supervising loop; returns at once, before the first connection is made.</summary>
    public Task StartAsync(CancellationToken cancellationToken = default)
    {
        _supervisor.Start();
        return Task.CompletedTask;
    }

    /// <summary>Completes when connected: CONNACK received, unacknowledged publishes resent and subscriptions acknowledged.</summary>
    public Task WaitUntilConnectedAsync(CancellationToken cancellationToken) => _supervisor.WaitUntilConnectedAsync(cancellationToken);

    /// <summary>Sends DISCONNECT (so no will is published) and ends the loop. Unacknowledged QoS 1 publishes stay pending.</summary>
    public Task StopAsync(CancellationToken cancellationToken = default) => _supervisor.StopAsync(cancellationToken);

    /// <summary>
    /// QoS 0: completes once written; throws <see cref="MqttNotConnectedException"/> while offline.
    /// QoS 1: completes on PUBACK, across reconnects; at most MaximumInFlight wait for PUBACK and further calls
    /// wait for a slot. Cancelling stops the wait; a message already written may still be delivered.
    /// </summary>
    public async Task PublishAsync(MqttApplicationMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        TopicRules.ValidateTopicName(message.Topic);
        TopicRules.ValidatePayload(message.Payload.Length);
        if (message.QualityOfService is not (MqttQualityOfService.AtMostOnce or MqttQualityOfService.AtLeastOnce))
            throw new ArgumentException($"QoS {(byte)message.QualityOfService} is not offered by this client (0 or 1).", nameof(message));

        if (message.QualityOfService == MqttQualityOfService.AtMostOnce)
        {
            var connection = _supervisor.Current
                ?? throw new MqttNotConnectedException($"Not connected to the MQTT broker {_options.Host}:{_options.Port}; a QoS 0 message is not kept.");
            await connection.SendAsync(new PublishPacket(message.Topic, message.Payload, message.QualityOfService, message.Retain, false, 0), cancellationToken).ConfigureAwait(false);
            return;
        }

        var (entry, attached) = await _session.Publishes.AddAsync(message, cancellationToken).ConfigureAwait(false);
        if (attached is not null)
        {
            try
            {
                await attached.TransmitAsync(entry, cancellationToken).ConfigureAwait(false);
            }
            catch (MqttNotConnectedException)
            {
                // Stays in flight: the next connection resends it.
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                _session.Publishes.TryAbandon(entry);
                throw;
            }
        }
        try
        {
            await entry.Completion.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            _session.Publishes.TryAbandon(entry);
            throw;
        }
    }

    /// <summary>
    /// Remembers the subscriptions (they are renewed after every reconnect), waits for a connection if
    /// needed, and returns on SUBACK. Throws <see cref="MqttSubscriptionRefusedException"/> for filters the
    /// broker refused; those are forgotten. Called while offline, the filters also go out with the next
    /// connect's renewal, so the broker sees them twice (harmless: a repeated SUBSCRIBE replaces, 3.8.4).
    /// </summary>
    public async Task SubscribeAsync(IReadOnlyList<MqttSubscription> subscriptions, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(subscriptions);
        if (subscriptions.Count == 0)
            throw new ArgumentException("Give at least one subscription [MQTT-3.8.3-3].", nameof(subscriptions));
        foreach (var subscription in subscriptions)
            TopicRules.ValidateTopicFilter(subscription.TopicFilter);
        _session.Subscriptions.Add(subscriptions);

        var refused = await OnLiveConnectionAsync(connection => SubscriptionRequests.SubscribeAsync(_session, connection, subscriptions, ct), ct).ConfigureAwait(false);
        if (refused.Count > 0)
        {
            _session.Subscriptions.Remove(refused);
            throw new MqttSubscriptionRefusedException(refused);
        }
    }

    /// <summary>Forgets the filters and waits for UNSUBACK (so a kept session stops queueing for them).</summary>
    public async Task UnsubscribeAsync(IReadOnlyList<string> topicFilters, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(topicFilters);
        if (topicFilters.Count == 0)
            throw new ArgumentException("Give at least one topic filter [MQTT-3.10.3-2].", nameof(topicFilters));
        foreach (var filter in topicFilters)
            TopicRules.ValidateTopicFilter(filter);
        _session.Subscriptions.Remove(topicFilters);
        await OnLiveConnectionAsync(async connection =>
        {
            await SubscriptionRequests.UnsubscribeAsync(_session, connection, topicFilters, ct).ConfigureAwait(false);
            return true;
        }, ct).ConfigureAwait(false);
    }

    /// <summary>Test seam: drops the TCP connection without DISCONNECT, as a crash would (the will is published).</summary>
    internal void AbortConnection() => _supervisor.AbortCurrentConnection();

    /// <summary>QoS 1 publishes still awaiting PUBACK.</summary>
    internal int InFlightCount => _session.Publishes.Count;

    private async Task<T> OnLiveConnectionAsync<T>(Func<MqttConnection, Task<T>> request, CancellationToken cancellationToken)
    {
        while (true)
        {
            var connection = await _supervisor.WaitForConnectionAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                return await request(connection).ConfigureAwait(false);
            }
            catch (MqttNotConnectedException)
            {
                // Lost before the answer: ask again on the next connection.
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await StopAsync(limit.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
        _session.Publishes.FailAll(new ObjectDisposedException(nameof(MqttClient), "The MQTT client was disposed before the broker acknowledged this message."));
    }
}

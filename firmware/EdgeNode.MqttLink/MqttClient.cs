using System.Buffers;
using EdgeNode.MqttLink.Connection;
using EdgeNode.MqttLink.Logging;
using EdgeNode.MqttLink.Publishing;
using EdgeNode.MqttLink.Subscriptions;
using EdgeNode.MqttLink.Tls;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using MQTTnet;
using MQTTnet.Exceptions;
using MQTTnet.Protocol;

namespace EdgeNode.MqttLink;

/// <summary>
/// An MQTT 5 client (MQTTnet's <see cref="IMqttClient"/> underneath) that stays connected: a supervising loop
/// connects, and after any loss reconnects with exponential back-off and full jitter, subscribing again. A QoS 1
/// publish completes on PUBACK, across reconnects: one cut off by a lost connection is sent again on the next.
/// Received messages go to the handler given here, one at a time, in order; a QoS 1 message is acknowledged after
/// the handler returns.
/// </summary>
public sealed class MqttClient : IAsyncDisposable
{
    private readonly MqttClientOptions _options;
    private readonly IMqttClient _client;
    private readonly CountingStreamProvider _streams;
    private readonly SubscriptionRegistry _subscriptions;
    private readonly TopicAliases _aliases;
    private readonly ConnectionSupervisor _supervisor;
    private readonly SemaphoreSlim _slots;
    private readonly Func<MqttApplicationMessage, CancellationToken, ValueTask> _onMessage;
    private readonly ILogger _logger;
    private int _inFlight;

    /// <param name="onMessage">Called for every received message, in order, never concurrently. Let it be
    /// idempotent: at-least-once means a message may come twice.</param>
    public MqttClient(MqttClientOptions options, Func<MqttApplicationMessage, CancellationToken, ValueTask> onMessage, ILogger<MqttClient>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(onMessage);
        options.Validate();
        _options = options;
        _onMessage = onMessage;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _slots = new SemaphoreSlim(options.MaximumInFlight, options.MaximumInFlight);
        _streams = new CountingStreamProvider(Traffic);
        _subscriptions = new SubscriptionRegistry(options.Subscriptions);
        _aliases = new TopicAliases(options.MaximumTopicAliases);
        PinnedAuthorityValidator? validator = options.Tls is { } tls ? new PinnedAuthorityValidator(tls.TrustedAuthorities) : null;
        _client = new MqttClientFactory().CreateMqttClient();
        _client.ApplicationMessageReceivedAsync += OnReceivedAsync;
        _supervisor = new ConnectionSupervisor(options, _client, MqttNetOptions.From(options, _streams, validator), validator, _subscriptions, _aliases, _logger);
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

    /// <summary>Completes when connected: CONNACK received and subscriptions acknowledged.</summary>
    public Task WaitUntilConnectedAsync(CancellationToken cancellationToken) => _supervisor.WaitUntilConnectedAsync(cancellationToken);

    /// <summary>Sends DISCONNECT (so no will is published) and ends the loop. QoS 1 publishes still waiting then throw <see cref="MqttNotConnectedException"/>.</summary>
    public Task StopAsync(CancellationToken cancellationToken = default) => _supervisor.StopAsync(cancellationToken);

    /// <summary>
    /// QoS 0: completes once written; throws <see cref="MqttNotConnectedException"/> while offline.
    /// QoS 1: completes on PUBACK, across reconnects; at most MaximumInFlight wait for PUBACK and further calls
    /// wait for a slot. Throws <see cref="MqttPublishRefusedException"/> when the broker answers with a failure reason
    /// code. Cancelling stops the wait; a message already written may still be delivered.
    /// </summary>
    public async Task PublishAsync(MqttApplicationMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        TopicNames.ValidateTopicName(message.Topic);
        if (message.QualityOfService is not (MqttQualityOfService.AtMostOnce or MqttQualityOfService.AtLeastOnce))
        {
            throw new ArgumentException($"QoS {(byte)message.QualityOfService} is not offered by this client (0 or 1).", nameof(message));
        }

        if (message.QualityOfService == MqttQualityOfService.AtMostOnce)
        {
            await PublishAtMostOnceAsync(message, cancellationToken).ConfigureAwait(false);
            return;
        }

        await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        Interlocked.Increment(ref _inFlight);
        try
        {
            long lostOn = 0;
            while (true)
            {
                long connection = await _supervisor.WaitForConnectionAsync(lostOn, cancellationToken).ConfigureAwait(false);
                (string? topic, ushort alias) = _aliases.For(message.Topic, connection, mayAssign: true);
                MqttClientPublishResult result;
                try
                {
                    result = await _client.PublishAsync(ToMqttNet(message, topic, alias), cancellationToken).ConfigureAwait(false);
                }
                catch (Exception e) when (IsConnectionLoss(e, cancellationToken))
                {
                    // At-least-once: it may have reached the broker, but without a PUBACK it goes again on the next connection.
                    lostOn = connection;
                    continue;
                }
                if (!result.IsSuccess)
                {
                    throw new MqttPublishRefusedException(message.Topic, result.ReasonCode.ToString(), result.ReasonString);
                }

                if (alias != 0 && topic.Length > 0)
                {
                    _aliases.Acknowledged(message.Topic, connection);
                }

                return;
            }
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
            _slots.Release();
        }
    }

    /// <summary>
    /// Remembers the subscriptions (they are renewed after every reconnect), waits for a connection if
    /// needed, and returns on SUBACK. Throws <see cref="MqttSubscriptionRefusedException"/> for filters the
    /// broker refused; those are forgotten. Called while offline, the filters also go out with the next
    /// connect's renewal, so the broker sees them twice (harmless: a repeated SUBSCRIBE replaces).
    /// </summary>
    public async Task SubscribeAsync(IReadOnlyList<MqttSubscription> subscriptions, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(subscriptions);
        if (subscriptions.Count == 0)
        {
            throw new ArgumentException("Give at least one subscription [MQTT-3.8.3-2].", nameof(subscriptions));
        }

        foreach (MqttSubscription subscription in subscriptions)
        {
            TopicNames.ValidateTopicFilter(subscription.TopicFilter);
        }

        _subscriptions.Add(subscriptions);

        IReadOnlyList<string> refused = await OnLiveConnectionAsync(() => SubscriptionRequests.SubscribeAsync(_client, subscriptions, ct), ct).ConfigureAwait(false);
        if (refused.Count > 0)
        {
            _subscriptions.Remove(refused);
            throw new MqttSubscriptionRefusedException(refused);
        }
    }

    /// <summary>Forgets the filters and waits for UNSUBACK (so a kept session stops queueing for them).</summary>
    public async Task UnsubscribeAsync(IReadOnlyList<string> topicFilters, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(topicFilters);
        if (topicFilters.Count == 0)
        {
            throw new ArgumentException("Give at least one topic filter [MQTT-3.10.3-2].", nameof(topicFilters));
        }

        foreach (string filter in topicFilters)
        {
            TopicNames.ValidateTopicFilter(filter);
        }

        _subscriptions.Remove(topicFilters);
        await OnLiveConnectionAsync(async () =>
        {
            await SubscriptionRequests.UnsubscribeAsync(_client, topicFilters, ct).ConfigureAwait(false);
            return true;
        }, ct).ConfigureAwait(false);
    }

    /// <summary>Test seam: drops the TCP connection without DISCONNECT, as a crash would (the will is published).</summary>
    internal void AbortConnection() => _streams.Abort();

    /// <summary>QoS 1 publishes still awaiting PUBACK.</summary>
    internal int InFlightCount => Volatile.Read(ref _inFlight);

    private async Task PublishAtMostOnceAsync(MqttApplicationMessage message, CancellationToken cancellationToken)
    {
        long connection = _supervisor.Live;
        if (connection == 0)
        {
            throw new MqttNotConnectedException($"Not connected to the MQTT broker {_options.Host}:{_options.Port}; a QoS 0 message is not kept.");
        }

        (string? topic, ushort alias) = _aliases.For(message.Topic, connection, mayAssign: false);
        try
        {
            await _client.PublishAsync(ToMqttNet(message, topic, alias), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (IsConnectionLoss(e, cancellationToken))
        {
            throw new MqttNotConnectedException($"The connection to the MQTT broker {_options.Host}:{_options.Port} dropped; a QoS 0 message is not kept.");
        }
    }

    private async Task<T> OnLiveConnectionAsync<T>(Func<Task<T>> request, CancellationToken cancellationToken)
    {
        long lostOn = 0;
        while (true)
        {
            long connection = await _supervisor.WaitForConnectionAsync(lostOn, cancellationToken).ConfigureAwait(false);
            try
            {
                return await request().ConfigureAwait(false);
            }
            catch (Exception e) when (IsConnectionLoss(e, cancellationToken))
            {
                // Lost before the answer: ask again on the next connection.
                lostOn = connection;
            }
        }
    }

    private async Task OnReceivedAsync(MqttApplicationMessageReceivedEventArgs received)
    {
        MQTTnet.MqttApplicationMessage incoming = received.ApplicationMessage;
        var message = new MqttApplicationMessage(
            incoming.Topic,
            incoming.Payload.ToArray(),
            incoming.QualityOfServiceLevel == MqttQualityOfServiceLevel.AtMostOnce ? MqttQualityOfService.AtMostOnce : MqttQualityOfService.AtLeastOnce,
            incoming.Retain);
        CancellationToken stopping = _supervisor.Stopping;
        try
        {
            await _onMessage(message, stopping).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // The client is stopping: no PUBACK, so a persistent session gets it redelivered.
            received.AutoAcknowledge = false;
        }
        catch (Exception e)
        {
            // Chosen: log and still acknowledge. Withholding the PUBACK would not bring a retry on this connection
            // (the broker resends only after a reconnect) and would make a message the handler can never process
            // (a poison message) come back for ever. A handler that needs another chance must keep its own record.
            MqttLog.HandlerFailed(_logger, message.Topic, e);
        }
    }

    private static MQTTnet.MqttApplicationMessage ToMqttNet(MqttApplicationMessage message, string topic, ushort alias) => new()
    {
        Topic = topic,
        TopicAlias = alias,
        Payload = new ReadOnlySequence<byte>(message.Payload),
        QualityOfServiceLevel = (MqttQualityOfServiceLevel)message.QualityOfService,
        Retain = message.Retain,
    };

    /// <summary>The connection failed under the request (it will be asked again on the next), as opposed to the caller cancelling.</summary>
    private static bool IsConnectionLoss(Exception e, CancellationToken cancellationToken) => e switch
    {
        MqttCommunicationException or ObjectDisposedException => true,
        OperationCanceledException => !cancellationToken.IsCancellationRequested,
        _ => false,
    };

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
        _client.Dispose();
    }
}

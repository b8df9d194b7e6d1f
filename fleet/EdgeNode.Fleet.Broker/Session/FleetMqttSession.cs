using System.Collections.Immutable;
using EdgeNode.MqttLink;
using Microsoft.Extensions.Options;

namespace EdgeNode.Fleet.Broker.Session;

/// <summary>
/// The fleet's one MQTT connection to its broker (section <see cref="FleetBrokerOptions.SectionName"/>), which
/// ingest, calibration and updates share: a persistent session under <see cref="FleetBrokerOptions.ClientId"/> that
/// reconnects by itself and renews its subscriptions. Subscribe from a hosted service's <c>StartAsync</c>: the session
/// connects once every hosted service has started, so that what the broker kept for the fleet while it was stopped
/// finds its handler; a subscription made later is sent at once.
/// </summary>
public sealed class FleetMqttSession(IOptions<FleetBrokerOptions> options, ILoggerFactory loggers) : IHostedLifecycleService, IAsyncDisposable
{
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(10);

    private readonly ILogger _logger = loggers.CreateLogger<FleetMqttSession>();
    private readonly Lock _starting = new();
    private readonly TaskCompletionSource<MqttClient?> _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private ImmutableArray<Route> _routes = [];
    private bool _connecting;
    private MqttClient? _client;

    /// <summary>False when no broker is configured (<see cref="FleetBrokerOptions.Host"/> empty): the fleet runs without MQTT.</summary>
    public bool IsConfigured => options.Value.Host.Length > 0;

    /// <summary>The connection's state, or null before the session has started (or when it could not).</summary>
    public MqttConnectionState? State => _client?.State;

    /// <summary>
    /// Sends the messages matching <paramref name="topicFilter"/> (shared subscriptions included) to
    /// <paramref name="handler"/>, one at a time, in order; a QoS 1 message is acknowledged to the broker once the
    /// handler returns. Before the session has started, this only records the subscription for its first connect.
    /// </summary>
    /// <exception cref="InvalidOperationException">No broker is configured, or the session could not start.</exception>
    /// <exception cref="MqttSubscriptionRefusedException">The broker refused the filter.</exception>
    public async Task SubscribeAsync(string topicFilter, MqttQualityOfService quality, Func<MqttApplicationMessage, CancellationToken, ValueTask> handler, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(topicFilter);
        ArgumentNullException.ThrowIfNull(handler);
        MqttClient? client;
        lock (_starting)
        {
            if (!IsConfigured)
            {
                throw new InvalidOperationException(NoBroker);
            }
            _routes = _routes.Add(new Route(topicFilter, quality, handler));
            if (!_connecting)
            {
                return;
            }
            client = _client ?? throw new InvalidOperationException(NotStarted);
        }
        await client.SubscribeAsync([new MqttSubscription(topicFilter, quality)], ct);
    }

    /// <summary>
    /// Publishes over the fleet's connection. QoS 1 completes once the broker has the message, waiting for the
    /// session to start and across reconnects; cancel to stop waiting.
    /// </summary>
    /// <exception cref="InvalidOperationException">No broker is configured, or the session could not start.</exception>
    /// <exception cref="MqttPublishRefusedException">The broker refused the message.</exception>
    public async Task PublishAsync(string topic, ReadOnlyMemory<byte> payload, MqttQualityOfService quality, bool retain, CancellationToken ct)
    {
        if (!IsConfigured)
        {
            throw new InvalidOperationException(NoBroker);
        }
        MqttClient client = await _started.Task.WaitAsync(ct) ?? throw new InvalidOperationException(NotStarted);
        await client.PublishAsync(new MqttApplicationMessage(topic, payload, quality, retain), ct);
    }

    /// <summary>
    /// Completes once the session is connected with every subscription made (the broker then queues for the fleet),
    /// waiting for the session to start and across reconnects.
    /// </summary>
    /// <exception cref="InvalidOperationException">No broker is configured, or the session could not start.</exception>
    public async Task WaitUntilConnectedAsync(CancellationToken ct)
    {
        if (!IsConfigured)
        {
            throw new InvalidOperationException(NoBroker);
        }
        MqttClient client = await _started.Task.WaitAsync(ct) ?? throw new InvalidOperationException(NotStarted);
        await client.WaitUntilConnectedAsync(ct);
    }

    Task IHostedLifecycleService.StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    Task IHostedService.StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Connects, now that every hosted service has subscribed in its StartAsync.</summary>
    async Task IHostedLifecycleService.StartedAsync(CancellationToken cancellationToken)
    {
        FleetBrokerOptions settings = options.Value;
        if (!IsConfigured)
        {
            _started.TrySetResult(null);
            return;
        }
        MqttClient? client = null;
        lock (_starting)
        {
            _connecting = true;
            try
            {
                client = new MqttClient(ClientOptions(settings, _routes), DispatchAsync, loggers.CreateLogger<MqttClient>());
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or System.Security.Cryptography.CryptographicException)
            {
                // A supervised broker that could not be prepared (its own error is logged) has no CA file yet.
                _logger.LogError("The fleet has no broker connection: the broker's CA file {File} cannot be read ({Reason}); check {Section}:CaFile, or the broker's own error above",
                    settings.CaFile, exception.Message, FleetBrokerOptions.SectionName);
            }
            _client = client;
        }
        _started.TrySetResult(client);
        if (client is not null)
        {
            await client.StartAsync(cancellationToken);
            _logger.LogInformation("Fleet MQTT session to {Host}:{Port} as {Client}", settings.Host, settings.Port, settings.ClientId);
        }
    }

    /// <summary>Disconnects before the other services stop, as the fleet did when ingest owned the connection: what is not acknowledged yet stays with the broker.</summary>
    async Task IHostedLifecycleService.StoppingAsync(CancellationToken cancellationToken)
    {
        if (_client is not { } client)
        {
            return;
        }
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(StopTimeout);
        try
        {
            await client.StopAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
        }
    }

    Task IHostedService.StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    Task IHostedLifecycleService.StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        _started.TrySetResult(null);
        if (_client is { } client)
        {
            await client.DisposeAsync();
        }
    }

    private string NoBroker => $"The fleet has no broker connection: {FleetBrokerOptions.SectionName}:Host is empty. Set it to publish to the nodes.";

    private static string NotStarted => "The fleet has no broker connection: its session did not start (see the log above for why).";

    private async ValueTask DispatchAsync(MqttApplicationMessage message, CancellationToken token)
    {
        bool routed = false;
        foreach (Route route in _routes)
        {
            if (TopicFilter.Matches(route.TopicFilter, message.Topic))
            {
                routed = true;
                await route.Handler(message, token);
            }
        }
        if (!routed)
        {
            _logger.LogDebug("No subscriber for a message on {Topic}; acknowledged and dropped", message.Topic);
        }
    }

    private static MqttClientOptions ClientOptions(FleetBrokerOptions settings, ImmutableArray<Route> routes) => new()
    {
        Host = settings.Host,
        Port = settings.Port,
        ClientId = settings.ClientId,
        Username = settings.Username.Length > 0 ? settings.Username : null,
        Password = settings.Password.Length > 0 ? settings.Password : null,
        // A persistent session: while the fleet restarts, the broker keeps what the nodes send for it.
        CleanSession = false,
        KeepAlive = TimeSpan.FromSeconds(30),
        Tls = settings.Tls(),
        // No incoming size limit of our own: an oversized payload arrives and is filed as a dead letter instead of
        // breaking the connection (and coming back for ever, since the broker redelivers what was not acknowledged).
        Subscriptions = [.. routes.Select(route => new MqttSubscription(route.TopicFilter, route.Quality))],
    };

    private sealed record Route(string TopicFilter, MqttQualityOfService Quality, Func<MqttApplicationMessage, CancellationToken, ValueTask> Handler);
}

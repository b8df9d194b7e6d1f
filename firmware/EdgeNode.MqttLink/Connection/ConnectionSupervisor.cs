using EdgeNode.MqttLink.Logging;
using EdgeNode.MqttLink.Publishing;
using EdgeNode.MqttLink.Subscriptions;
using EdgeNode.MqttLink.Tls;
using Microsoft.Extensions.Logging;
using MQTTnet;

namespace EdgeNode.MqttLink.Connection;

/// <summary>
/// The one loop that owns connections: connect, subscribe, wait for the connection to end, back off with jitter,
/// repeat. Reconnecting happens here and only here, never from inside MQTTnet's "disconnected" event (which only
/// records why), so no caller's thread and no MQTTnet thread ever ends up reconnecting (and deadlocking).
/// Each connection gets a number; callers that lost a publish on connection n wait for one after n.
/// </summary>
internal sealed class ConnectionSupervisor
{
    private static readonly TimeSpan DisconnectTimeout = TimeSpan.FromSeconds(5);

    private readonly MqttClientOptions _options;
    private readonly IMqttClient _client;
    private readonly MQTTnet.MqttClientOptions _mqttnet;
    private readonly PinnedAuthorityValidator? _validator;
    private readonly SubscriptionRegistry _subscriptions;
    private readonly TopicAliases _aliases;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _gate = new();
    private TaskCompletionSource _connected = NewSignal();
    private TaskCompletionSource<ConnectionProblem> _lost = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private MqttConnectionState _state = new(false, MqttConnectionFailure.None, null, DateTimeOffset.UtcNow);
    private long _live;
    private long _connections;
    private bool _sessionPresent;
    private Task? _loop;

    public ConnectionSupervisor(MqttClientOptions options, IMqttClient client, MQTTnet.MqttClientOptions mqttnet, PinnedAuthorityValidator? validator,
        SubscriptionRegistry subscriptions, TopicAliases aliases, ILogger logger)
    {
        _options = options;
        _client = client;
        _mqttnet = mqttnet;
        _validator = validator;
        _subscriptions = subscriptions;
        _aliases = aliases;
        _logger = logger;
        _client.DisconnectedAsync += OnDisconnectedAsync;
    }

    public event Action<MqttConnectionState>? StateChanged;

    public MqttConnectionState State => Volatile.Read(ref _state);

    /// <summary>The number of the live connection, or 0 while offline.</summary>
    public long Live => Interlocked.Read(ref _live);

    /// <summary>Cancelled when the client is stopped: handlers see it and stop without acknowledging.</summary>
    public CancellationToken Stopping => _stop.Token;

    public void Start()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_stop.IsCancellationRequested, this);
            _loop ??= Task.Run(() => RunAsync(_stop.Token));
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        Task? loop;
        lock (_gate)
        {
            loop = _loop;
        }

        _stop.Cancel();
        if (loop is not null)
        {
            await loop.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task WaitUntilConnectedAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            Task signal;
            lock (_gate)
            {
                signal = _connected.Task;
            }

            await signal.WaitAsync(cancellationToken).ConfigureAwait(false);
            if (Live != 0)
            {
                return;
            }
        }
    }

    /// <summary>
    /// Waits for a live connection numbered above <paramref name="after"/> and returns its number. Throws
    /// <see cref="MqttNotConnectedException"/> once the client is stopped.
    /// </summary>
    public async Task<long> WaitForConnectionAsync(long after, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (_stop.IsCancellationRequested)
            {
                throw new MqttNotConnectedException($"The MQTT client for {_options.Host}:{_options.Port} is stopped.");
            }

            Task signal;
            lock (_gate)
            {
                long live = Live;
                if (live != 0 && live > after)
                {
                    return live;
                }

                signal = _connected.Task;
            }
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _stop.Token);
            try
            {
                await signal.WaitAsync(linked.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // Stopped while waiting: the check at the top of the loop says so.
            }
            if (signal.IsCompleted && Live <= after)
            {
                // That connection came and went already and the loop has not yet reset the signal: let it.
                await Task.Delay(10, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task RunAsync(CancellationToken stop)
    {
        var backoff = new ReconnectBackoff(_options.ReconnectMinimumDelay, _options.ReconnectMaximumDelay);
        int failedAttempts = 0;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                lock (_gate)
                {
                    _lost = new TaskCompletionSource<ConnectionProblem>(TaskCreationOptions.RunContinuationsAsynchronously);
                }

                if (await ConnectAsync(stop).ConfigureAwait(false) is { } refused)
                {
                    failedAttempts++;
                    SetState(false, refused.Failure, refused.Detail);
                    TimeSpan delay = backoff.Next();
                    if (failedAttempts == 1)
                    {
                        MqttLog.ConnectFailed(_logger, _options.Host, _options.Port, refused.Failure, refused.Detail, (long)delay.TotalMilliseconds);
                    }
                    else
                    {
                        MqttLog.ConnectStillFailing(_logger, _options.Host, _options.Port, failedAttempts, refused.Failure, refused.Detail, (long)delay.TotalMilliseconds);
                    }

                    await Task.Delay(delay, stop).ConfigureAwait(false);
                    continue;
                }

                failedAttempts = 0;
                backoff.Reset();
                ConnectionProblem problem = await RunConnectionAsync(stop).ConfigureAwait(false);
                if (stop.IsCancellationRequested)
                {
                    break;
                }

                SetState(false, problem.Failure, problem.Detail);
                TimeSpan wait = backoff.Next();
                MqttLog.ConnectionLost(_logger, _options.Host, _options.Port, problem.Failure, problem.Detail, (long)wait.TotalMilliseconds);
                await Task.Delay(wait, stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                // Nothing above should throw; if something does, the loop must outlive it.
                MqttLog.SupervisorError(_logger, e);
                try
                {
                    await Task.Delay(_options.ReconnectMinimumDelay, stop).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }
        SetState(false, State.LastFailure, State.LastFailureDetail);
        MqttLog.Stopped(_logger, _options.Host, _options.Port);
    }

    /// <summary>TCP (+TLS), CONNECT, CONNACK. Returns why it failed, or null when connected.</summary>
    private async Task<ConnectionProblem?> ConnectAsync(CancellationToken stop)
    {
        _validator?.Clear();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stop);
        timeout.CancelAfter(_options.ConnectTimeout);
        MqttClientConnectResult result;
        try
        {
            result = await _client.ConnectAsync(_mqttnet, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (!stop.IsCancellationRequested)
        {
            return FailureWords.ForConnectException(e, _validator, _options.Tls?.TargetHost ?? _options.Host, _options.ConnectTimeout, timeout.IsCancellationRequested);
        }
        if (result.ResultCode != MqttClientConnectResultCode.Success)
        {
            return FailureWords.ForRefusal(result);
        }

        long number = Interlocked.Increment(ref _connections);
        _aliases.Reset(number, result.TopicAliasMaximum);
        _sessionPresent = result.IsSessionPresent;
        return null;
    }

    private async Task<ConnectionProblem> RunConnectionAsync(CancellationToken stop)
    {
        Task<ConnectionProblem> lost;
        lock (_gate)
        {
            lost = _lost.Task;
        }

        long number = Interlocked.Read(ref _connections);
        try
        {
            // Subscriptions are requested again on every connect: a clean or expired session has forgotten them, and
            // repeating one on a kept session is harmless. "Connected" means they are in place.
            await SubscribeRememberedAsync(stop).ConfigureAwait(false);
            if (!lost.IsCompleted)
            {
                // State first, signal last: whoever waited for the connection finds it connected and already reported
                // (the node's sync loop checks State.IsConnected as soon as its wait returns).
                Interlocked.Exchange(ref _live, number);
                SetState(true, State.LastFailure, State.LastFailureDetail);
                MqttLog.Connected(_logger, _options.Host, _options.Port, _options.ClientId, _sessionPresent);
                lock (_gate)
                {
                    _connected.TrySetResult();
                }
            }
            return await lost.WaitAsync(stop).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            await DisconnectAsync().ConfigureAwait(false);
            return new ConnectionProblem(MqttConnectionFailure.None, "stopped");
        }
        catch (Exception e) when (!lost.IsCompleted && e is not OperationCanceledException)
        {
            // The connection ended during the subscribe; the disconnected event says why.
            return await lost.WaitAsync(stop).ConfigureAwait(false);
        }
        catch (Exception) when (lost.IsCompleted)
        {
            return await lost.ConfigureAwait(false);
        }
        finally
        {
            lock (_gate)
            {
                Interlocked.Exchange(ref _live, 0);
                if (_connected.Task.IsCompleted)
                {
                    _connected = NewSignal();
                }
            }
        }
    }

    private async Task SubscribeRememberedAsync(CancellationToken stop)
    {
        IReadOnlyList<MqttSubscription> subscriptions = _subscriptions.Snapshot();
        if (subscriptions.Count == 0)
        {
            return;
        }

        IReadOnlyList<string> refused = await SubscriptionRequests.SubscribeAsync(_client, subscriptions, stop).ConfigureAwait(false);
        foreach (string filter in refused)
        {
            MqttLog.SubscriptionRefused(_logger, filter);
        }
    }

    private async Task DisconnectAsync()
    {
        // A DISCONNECT with reason 0: the broker discards the will, as for any polite goodbye.
        using var limit = new CancellationTokenSource(DisconnectTimeout);
        try
        {
            await _client.DisconnectAsync(new MqttClientDisconnectOptions { Reason = MqttClientDisconnectOptionsReason.NormalDisconnection }, limit.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or MQTTnet.Exceptions.MqttCommunicationException or ObjectDisposedException)
        {
            // Already gone, or the broker is not answering: nothing more to do on the way out.
        }
    }

    private Task OnDisconnectedAsync(MqttClientDisconnectedEventArgs disconnected)
    {
        // Only recorded here: the supervising loop reconnects (see the class comment).
        if (disconnected.ClientWasConnected)
        {
            TaskCompletionSource<ConnectionProblem> lost;
            lock (_gate)
            {
                lost = _lost;
                Interlocked.Exchange(ref _live, 0);
            }
            lost.TrySetResult(FailureWords.ForLoss(disconnected, _options.KeepAlive));
        }
        return Task.CompletedTask;
    }

    private void SetState(bool connected, MqttConnectionFailure failure, string? detail)
    {
        var state = new MqttConnectionState(connected, failure, detail, DateTimeOffset.UtcNow);
        Volatile.Write(ref _state, state);
        try
        {
            StateChanged?.Invoke(state);
        }
        catch (Exception e)
        {
            MqttLog.StateHandlerFailed(_logger, e);
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}

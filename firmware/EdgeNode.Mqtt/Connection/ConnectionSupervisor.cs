using EdgeNode.Mqtt.Logging;
using EdgeNode.Mqtt.Session;
using Microsoft.Extensions.Logging;

namespace EdgeNode.Mqtt.Connection;

/// <summary>
/// The one loop that owns connections: connect, resend what is unacknowledged, subscribe, wait for the
/// connection to end, back off, repeat. Reconnecting happens here and only here, never from inside a
/// "disconnected" callback, so no caller's thread ever ends up reconnecting (and deadlocking).
/// </summary>
internal sealed class ConnectionSupervisor(
    MqttClientOptions options,
    SessionState session,
    Func<MqttApplicationMessage, CancellationToken, ValueTask> onMessage,
    MqttTrafficCounters traffic,
    ILogger logger)
{
    private static readonly TimeSpan DisconnectTimeout = TimeSpan.FromSeconds(5);

    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _gate = new();
    private TaskCompletionSource _connected = NewSignal();
    private MqttConnectionState _state = new(false, MqttConnectionFailure.None, null, DateTimeOffset.UtcNow);
    private volatile MqttConnection? _current;
    private Task? _loop;

    public event Action<MqttConnectionState>? StateChanged;

    public MqttConnectionState State => Volatile.Read(ref _state);

    /// <summary>The live connection, or null while offline.</summary>
    public MqttConnection? Current => _current;

    public bool IsStopped => _stop.IsCancellationRequested;

    /// <summary>Test seam: drop the TCP connection without DISCONNECT, as a crash or a cut cable would.</summary>
    internal void AbortCurrentConnection() =>
        _current?.Close(new ConnectionClosure(MqttConnectionFailure.ConnectionLost, "aborted"));

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
            loop = _loop;
        _stop.Cancel();
        if (loop is not null)
            await loop.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task WaitUntilConnectedAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            Task signal;
            lock (_gate)
                signal = _connected.Task;
            await signal.WaitAsync(cancellationToken).ConfigureAwait(false);
            if (_current is not null)
                return;
        }
    }

    /// <summary>Waits for a live connection. Throws <see cref="InvalidOperationException"/> once the client is stopped.</summary>
    public async Task<MqttConnection> WaitForConnectionAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            if (_stop.IsCancellationRequested)
                throw new InvalidOperationException("The MQTT client is stopped.");
            if (_current is { Completion.IsCompleted: false } connection)
                return connection;
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _stop.Token);
            try
            {
                await WaitUntilConnectedAsync(linked.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // Stopped while waiting: the check at the top of the loop says so.
            }
        }
    }

    private async Task RunAsync(CancellationToken stop)
    {
        var backoff = new ReconnectBackoff(options.ReconnectMinimumDelay, options.ReconnectMaximumDelay);
        var failedAttempts = 0;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                MqttConnection connection;
                try
                {
                    connection = await MqttConnection.OpenAsync(options, session, onMessage, traffic, logger, stop).ConfigureAwait(false);
                }
                catch (MqttConnectFailedException failed)
                {
                    failedAttempts++;
                    SetState(false, failed.Failure, failed.Message);
                    var delay = backoff.Next();
                    if (failedAttempts == 1)
                        MqttLog.ConnectFailed(logger, options.Host, options.Port, failed.Failure, failed.Message, (long)delay.TotalMilliseconds);
                    else
                        MqttLog.ConnectStillFailing(logger, options.Host, options.Port, failedAttempts, failed.Failure, failed.Message, (long)delay.TotalMilliseconds);
                    await Task.Delay(delay, stop).ConfigureAwait(false);
                    continue;
                }

                failedAttempts = 0;
                backoff.Reset();
                var closure = await RunConnectionAsync(connection, stop).ConfigureAwait(false);
                if (stop.IsCancellationRequested)
                    break;

                SetState(false, closure.Failure, closure.Detail);
                var wait = backoff.Next();
                if (closure.Failure == MqttConnectionFailure.ProtocolViolation)
                    MqttLog.ProtocolViolation(logger, options.Host, options.Port, closure.Clause ?? "[MQTT-4.8.0-1]", closure.Detail ?? "");
                else
                    MqttLog.ConnectionLost(logger, options.Host, options.Port, closure.Failure, closure.Detail, (long)wait.TotalMilliseconds);
                await Task.Delay(wait, stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                // Nothing above should throw; if something does, the loop must outlive it.
                MqttLog.SupervisorError(logger, e);
                try
                {
                    await Task.Delay(options.ReconnectMinimumDelay, stop).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }
        SetState(false, State.LastFailure, State.LastFailureDetail);
        MqttLog.Stopped(logger, options.Host, options.Port);
    }

    private async Task<ConnectionClosure> RunConnectionAsync(MqttConnection connection, CancellationToken stop)
    {
        await using var _ = connection.ConfigureAwait(false);
        connection.Start();
        try
        {
            // Unacknowledged QoS 1 publishes go again, same packet id, DUP=1 [MQTT-4.4.0-1]. When the broker
            // kept no session (session present = 0) they are still sent: it has never seen them as far as
            // it knows, and the caller is still waiting for its at-least-once.
            var resend = session.Publishes.Attach(connection);
            foreach (var entry in resend)
                await connection.TransmitAsync(entry, stop).ConfigureAwait(false);

            // Subscriptions are requested again on every connect: a clean or lost session has forgotten them,
            // and repeating one on a kept session is harmless (3.8.4). "Connected" means they are in place.
            await SubscribeRememberedAsync(connection, stop).ConfigureAwait(false);

            if (!connection.Completion.IsCompleted)
            {
                _current = connection;
                SetState(true, State.LastFailure, State.LastFailureDetail);
                MqttLog.Connected(logger, options.Host, options.Port, options.ClientId, connection.SessionPresent, resend.Count);
                lock (_gate)
                    _connected.TrySetResult();
            }

            await connection.Completion.WaitAsync(stop).ConfigureAwait(false);
        }
        catch (MqttNotConnectedException)
        {
            // The connection ended during the resend or subscribe; Completion says why.
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            await connection.DisconnectAsync(DisconnectTimeout).ConfigureAwait(false);
        }
        finally
        {
            _current = null;
            lock (_gate)
            {
                if (_connected.Task.IsCompleted)
                    _connected = NewSignal();
            }
            session.Publishes.Detach(connection);
            session.Requests.FailAll("The MQTT connection closed before the broker answered.");
        }
        return await connection.Completion.ConfigureAwait(false);
    }

    private async Task SubscribeRememberedAsync(MqttConnection connection, CancellationToken stop)
    {
        var subscriptions = session.Subscriptions.Snapshot();
        if (subscriptions.Count == 0)
            return;
        var answer = await SubscriptionRequests.SubscribeAsync(session, connection, subscriptions, stop).ConfigureAwait(false);
        foreach (var refused in answer)
            MqttLog.SubscriptionRefused(logger, refused);
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
            MqttLog.StateHandlerFailed(logger, e);
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}

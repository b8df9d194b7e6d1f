using System.Threading.Channels;
using EdgeNode.Daemon.Alerts;
using EdgeNode.Daemon.Buffer;
using EdgeNode.Daemon.Calibration;
using EdgeNode.MqttLink;
using EdgeNode.Protocol.Codec;
using EdgeNode.Protocol.Messages;
using EdgeNode.Protocol.Topics;
using Microsoft.Extensions.Logging;

namespace EdgeNode.Daemon.Uplink;

/// <summary>
/// The node's side of delivery. At each sync it sends the outbox oldest first, one batch at a time, and deletes a
/// batch's windows only when the fleet's ack names it; a backlog drains at the configured byte rate. Alerts go at
/// once, whatever the sync is doing, and are repeated until acknowledged. Health goes with each sync (or every Uplink:HealthInterval, and at once when a sensor's fault changes).
/// </summary>
public sealed class NodeUplink : IAsyncDisposable
{
    private readonly UplinkOptions _options;
    private readonly string _nodeId;
    private readonly TimeProvider _time;
    private readonly Func<HealthReport> _health;
    private readonly ILogger _logger;
    private readonly BatchAssembler _batches;
    private readonly FleetAcks _acks = new();
    private readonly FleetSettings _settings;
    private readonly CalibrationInForce _calibration;
    private readonly ByteRatePacer _pacer;
    private readonly MqttClient _client;
    private readonly Channel<PollutionAlert> _alerts = Channel.CreateUnbounded<PollutionAlert>();
    private readonly Channel<bool> _connected = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest });
    private readonly Channel<ConfigApplied> _configAnswers = Channel.CreateUnbounded<ConfigApplied>();
    private ulong _nextAlertId;
    private DateTimeOffset? _lastSyncAt;
    private readonly DateTimeOffset _startedAt;
    private DateTimeOffset? _lastHealthAt;
    private string? _lastFaultSignature;

    // Windows of a rejected batch still to go one per batch, so that the fleet refuses only the one at fault.
    private int _windowsToSendAlone;

    /// <param name="calibration">Where the fleet's calibration set is kept for the alerts to read too; the uplink's own when null.</param>
    public NodeUplink(
        UplinkOptions options, string nodeId, WindowBuffer buffer, string trafficSensor, string dataDirectory, TimeProvider time, Func<HealthReport> health, ILoggerFactory loggers,
        CalibrationInForce? calibration = null)
    {
        _calibration = calibration ?? new CalibrationInForce();
        _options = options;
        _nodeId = NodeId.Require(nodeId);
        _time = time;
        _health = health;
        _logger = loggers.CreateLogger<NodeUplink>();
        _batches = new BatchAssembler(buffer, nodeId, trafficSensor, time, _calibration);
        _settings = new FleetSettings(options, dataDirectory, _calibration);
        _settings.Load();
        _pacer = new ByteRatePacer(time);
        _startedAt = time.GetUtcNow();
        _nextAlertId = (ulong)time.GetUtcNow().ToUnixTimeMilliseconds();
        _client = new MqttClient(ClientOptions(options, nodeId, time), OnMessageAsync, loggers.CreateLogger<MqttClient>());
        _client.StateChanged += state =>
        {
            if (state.IsConnected)
            {
                _connected.Writer.TryWrite(true);
            }
        };
    }

    /// <summary>Alerts written here are sent at once, ahead of any window.</summary>
    public ChannelWriter<PollutionAlert> Alerts => _alerts.Writer;

    public UplinkStatus Status => new(
        true,
        _client.State.IsConnected,
        ConnectionAdvice.For(_client.State, _options),
        _lastSyncAt,
        _settings.AppliedRevision,
        _client.Traffic.BytesSent,
        _client.Traffic.BytesReceived,
        _calibration.Current.Version);

    public async Task RunAsync(CancellationToken stoppingToken)
    {
        _logger.LogInformation("Uplink to {Broker}:{Port} as {Node}, {Tls}, sync every {Interval}",
            _options.Broker, _options.Port, _nodeId, _options.CaFile.Length > 0 ? "TLS" : "plain MQTT", _options.SyncInterval);
        await _client.StartAsync(stoppingToken);
        Task presence = AnnouncePresenceAsync(stoppingToken);
        Task alerts = SendAlertsAsync(stoppingToken);
        Task answers = AnswerConfigurationsAsync(stoppingToken);
        try
        {
            await SyncLoopAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        await Task.WhenAll(presence.ContinueWith(_ => { }, TaskScheduler.Default), alerts.ContinueWith(_ => { }, TaskScheduler.Default), answers.ContinueWith(_ => { }, TaskScheduler.Default));
        await SayGoodbyeAsync();
    }

    private async Task SyncLoopAsync(CancellationToken token)
    {
        while (!token.IsCancellationRequested)
        {
            // Syncs wait for a connection rather than skip: the moment the link is back, the backlog starts to drain.
            await _client.WaitUntilConnectedAsync(token);
            if (_client.State.IsConnected)
            {
                await SyncAsync(token);
            }
            await Task.Delay(_options.SyncInterval, _time, token);
        }
    }

    /// <summary>One sync: the outbox drained batch by batch while the fleet acks, then the health report when due.</summary>
    internal async Task SyncAsync(CancellationToken token)
    {
        int batches = 0, windows = 0;
        bool complete = true;
        bool holdBackUndated = _time.GetUtcNow() - _startedAt < _options.UndatedHoldBack;
        while (!token.IsCancellationRequested && _batches.Next(_windowsToSendAlone > 0 ? 1 : _options.MaxWindowsPerBatch, holdBackUndated) is { } batch)
        {
            if (batches > 0)
            {
                await _pacer.WaitAsync(batch.Payload.Length, _options.BacklogBytesPerSecond, token);
            }
            if (await DeliverAsync(batch, token) is not { } forgotten)
            {
                complete = false;
                break;
            }
            batches++;
            windows += forgotten;
        }
        try
        {
            HealthReport health = _health();
            string faults = string.Join(',', health.Sensors.Select(s => $"{s.Sensor}={s.LastFault}"));
            DateTimeOffset now = _time.GetUtcNow();
            if (_lastHealthAt is not { } last || now - last >= _options.HealthInterval || now < last || faults != _lastFaultSignature)
            {
                await _client.PublishAsync(new MqttApplicationMessage(EdgeTopics.Up(_nodeId, UpChannel.Health), EdgeCodec.Encode(health), MqttQualityOfService.AtLeastOnce), token);
                _lastHealthAt = now;
                _lastFaultSignature = faults;
            }
            if (complete)
            {
                _lastSyncAt = now;
            }
        }
        catch (MqttNotConnectedException)
        {
        }
        catch (MqttPublishRefusedException e)
        {
            _logger.LogError("Health report not sent: {Problem}", e.Message);
        }
        catch (ArgumentException e)
        {
            // A health report the protocol cannot carry is a bug to fix, not a reason to stop sampling.
            _logger.LogError("Health report not sent: {Problem}", e.Message);
        }
        if (batches > 0)
        {
            _logger.LogInformation("Sync: {Windows} windows in {Batches} batches committed by the fleet", windows, batches);
        }
    }

    /// <summary>
    /// Publishes a batch and waits for the fleet's ack. Returns how many windows the buffer forgot (committed, or
    /// rejected and kept in the fleet's dead letters), or null when the fleet did not answer.
    /// </summary>
    /// <remarks>
    /// The fleet refuses a batch whole. A rejected batch of several windows is not forgotten but sent again one window
    /// per batch, so that one unacceptable window costs only itself, and then the node moves on.
    /// </remarks>
    private async Task<int?> DeliverAsync(OutgoingBatch batch, CancellationToken token)
    {
        Task<AckMessage> acked = _acks.Expect(AckSubject.Batch, batch.BatchId);
        try
        {
            await _client.PublishAsync(new MqttApplicationMessage(EdgeTopics.Up(_nodeId, UpChannel.Batch), batch.Payload, MqttQualityOfService.AtLeastOnce), token);
            AckMessage ack = await acked.WaitAsync(_options.AckTimeout, token);
            if (ack.Outcome == AckOutcome.Rejected)
            {
                if (batch.WindowIds.Count > 1 && _windowsToSendAlone == 0)
                {
                    _logger.LogWarning("The fleet rejected batch {Batch} of {Windows} windows ({Reason}); sending them again one per batch so that only the window at fault is refused",
                        batch.BatchId, batch.WindowIds.Count, ack.Reason);
                    _windowsToSendAlone = batch.WindowIds.Count;
                    return 0;
                }
                _logger.LogError("The fleet rejected batch {Batch} of {Windows} windows ({Reason}); the fleet keeps it in its dead letters for staff to see, and it is deleted here",
                    batch.BatchId, batch.WindowIds.Count, ack.Reason);
            }
            _batches.Forget(batch);
            _windowsToSendAlone = Math.Max(0, _windowsToSendAlone - batch.WindowIds.Count);
            return batch.WindowIds.Count;
        }
        catch (TimeoutException)
        {
            _logger.LogWarning("No ack from the fleet for batch {Batch} within {Timeout}; its windows stay in the buffer for the next sync", batch.BatchId, _options.AckTimeout);
            return null;
        }
        catch (MqttNotConnectedException)
        {
            return null;
        }
        catch (MqttPublishRefusedException e)
        {
            // The broker said no (MQTT 5 reason code) instead of dropping it: the windows stay for when the ACL is fixed.
            _logger.LogError("Batch {Batch} not sent, its windows stay in the buffer: {Problem}", batch.BatchId, e.Message);
            return null;
        }
        finally
        {
            _acks.Abandon(AckSubject.Batch, batch.BatchId);
        }
    }

    private async Task SendAlertsAsync(CancellationToken token)
    {
        await foreach (PollutionAlert alert in _alerts.Reader.ReadAllAsync(token))
        {
            ulong id = Interlocked.Increment(ref _nextAlertId);
            byte[] payload = EdgeCodec.Encode(WireMapping.ToWire(alert, _nodeId, id));
            _logger.LogWarning("Pollution alert {Transition}: {Metric} rolling mean {Mean:0.0}, threshold {Threshold:0.0} ({Band}); sending at once",
                alert.Transition, alert.Metric, alert.RollingMeanMicrogramsPerCubicMetre, alert.ThresholdMicrogramsPerCubicMetre, alert.Band);
            // Repeated until the fleet has it: an alert is the one message that must not wait for the next sync.
            while (!token.IsCancellationRequested)
            {
                Task<AckMessage> acked = _acks.Expect(AckSubject.Alert, id);
                try
                {
                    await _client.WaitUntilConnectedAsync(token);
                    await _client.PublishAsync(new MqttApplicationMessage(EdgeTopics.Up(_nodeId, UpChannel.Alert), payload, MqttQualityOfService.AtLeastOnce), token);
                    await acked.WaitAsync(_options.AckTimeout, token);
                    break;
                }
                catch (Exception e) when (e is TimeoutException or MqttNotConnectedException)
                {
                }
                catch (MqttPublishRefusedException e)
                {
                    _logger.LogError("Pollution alert not accepted by the broker, trying again in {Delay}: {Problem}", _options.AckTimeout, e.Message);
                    await Task.Delay(_options.AckTimeout, _time, token);
                }
                finally
                {
                    _acks.Abandon(AckSubject.Alert, id);
                }
            }
        }
    }

    private async Task AnnouncePresenceAsync(CancellationToken token)
    {
        await foreach (bool _ in _connected.Reader.ReadAllAsync(token))
        {
            try
            {
                await _client.PublishAsync(Presence(true, _time), token);
            }
            catch (MqttNotConnectedException)
            {
            }
            catch (MqttPublishRefusedException e)
            {
                _logger.LogError("Presence not published: {Problem}", e.Message);
            }
        }
    }

    private async Task AnswerConfigurationsAsync(CancellationToken token)
    {
        await foreach (ConfigApplied answer in _configAnswers.Reader.ReadAllAsync(token))
        {
            try
            {
                await _client.WaitUntilConnectedAsync(token);
                await _client.PublishAsync(new MqttApplicationMessage(EdgeTopics.Up(_nodeId, UpChannel.Ack), EdgeCodec.Encode(answer), MqttQualityOfService.AtLeastOnce), token);
            }
            catch (MqttNotConnectedException)
            {
            }
            catch (MqttPublishRefusedException e)
            {
                _logger.LogError("Answer to configuration revision {Revision} not sent: {Problem}", answer.Revision, e.Message);
            }
        }
    }

    private ValueTask OnMessageAsync(MqttApplicationMessage message, CancellationToken token)
    {
        if (!EdgeTopics.TryParse(message.Topic, out ParsedTopic topic, out string problem) || topic.NodeId != _nodeId || topic.Kind != TopicKind.Down)
        {
            _logger.LogWarning("Ignoring a message on {Topic}: {Problem}", message.Topic, problem.Length > 0 ? problem : "not for this node");
            return ValueTask.CompletedTask;
        }
        try
        {
            switch (topic.Down)
            {
                case DownChannel.Ack:
                    _acks.Receive(EdgeCodec.DecodeAck(message.Payload));
                    break;
                case DownChannel.Config:
                    ConfigApplied? answer = _settings.Apply(EdgeCodec.DecodeConfig(message.Payload));
                    if (answer is not null)
                    {
                        _logger.Log(answer.Applied ? LogLevel.Information : LogLevel.Warning,
                            "Configuration revision {Revision} from the fleet {Outcome}; calibration version {CalibrationVersion} in force ({Corrections} corrections)",
                            answer.Revision, answer.Applied ? "applied" : $"refused: {answer.Problem}", _calibration.Current.Version, _calibration.Current.Entries.Count);
                        _configAnswers.Writer.TryWrite(answer);
                    }
                    break;
                default:
                    _logger.LogDebug("Nothing to do yet with {Topic}", message.Topic);
                    break;
            }
        }
        catch (PayloadRejectedException e)
        {
            _logger.LogWarning("Ignoring an invalid message on {Topic}: {Problem}", message.Topic, e.Message);
        }
        return ValueTask.CompletedTask;
    }

    private async Task SayGoodbyeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            if (_client.State.IsConnected)
            {
                await _client.PublishAsync(Presence(false, _time), timeout.Token);
            }
        }
        catch (Exception e) when (e is MqttNotConnectedException or MqttPublishRefusedException or OperationCanceledException)
        {
        }
        try
        {
            await _client.StopAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
        }
    }

    public async ValueTask DisposeAsync() => await _client.DisposeAsync();

    private MqttApplicationMessage Presence(bool online, TimeProvider time) =>
        new(EdgeTopics.Status(_nodeId), EdgeCodec.Encode(new StatusMessage(online, time.GetUtcNow())), MqttQualityOfService.AtLeastOnce, Retain: true);

    private static MqttClientOptions ClientOptions(UplinkOptions options, string nodeId, TimeProvider time) => new()
    {
        Host = options.Broker,
        Port = options.Port,
        ClientId = nodeId,
        Username = options.Username.Length > 0 ? options.Username : nodeId,
        Password = options.Password.Length > 0 ? options.Password : null,
        CleanSession = false,
        KeepAlive = options.KeepAlive,
        Will = new MqttApplicationMessage(EdgeTopics.Status(nodeId), EdgeCodec.Encode(new StatusMessage(false, time.GetUtcNow())), MqttQualityOfService.AtLeastOnce, Retain: true),
        Tls = options.CaFile.Length > 0 ? MqttTlsOptions.FromPemFile(options.CaFile) : null,
        Subscriptions = [new MqttSubscription(EdgeTopics.AllDown(nodeId), MqttQualityOfService.AtLeastOnce)],
    };
}

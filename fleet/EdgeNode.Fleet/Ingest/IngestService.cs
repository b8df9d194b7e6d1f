using EdgeNode.MqttLink;
using EdgeNode.Protocol.Codec;
using EdgeNode.Protocol.Messages;
using EdgeNode.Protocol.Topics;
using Microsoft.Extensions.Options;

namespace EdgeNode.Fleet.Ingest;

/// <summary>
/// Reads every node's upward messages through a shared subscription (so several fleet instances can split the load),
/// classifies them and hands them to the <see cref="IngestPipeline"/>, which commits and then acks.
/// </summary>
public sealed class IngestService(
    IOptions<FleetBrokerOptions> options, IOptions<Storage.DeadLetterOptions> deadLetters, Storage.IFleetStore store, Calibration.ICalibrationStore calibrations,
    Monitoring.NodeActivity activity, TimeProvider time, ILoggerFactory loggers) : BackgroundService
{
    private readonly FleetBrokerOptions _options = options.Value;
    private readonly DeadLetterQuota _quota = new(deadLetters.Value);
    private readonly ILogger _logger = loggers.CreateLogger<IngestService>();
    private MqttClient? _client;

    /// <summary>The pipeline, once started: its counters are what the health check and the tests read.</summary>
    public IngestPipeline? Pipeline { get; private set; }

    public MqttConnectionState? Connection => _client?.State;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_options.Host.Length == 0)
        {
            _logger.LogWarning("Ingest is off: no broker configured ({Section}:Host)", FleetBrokerOptions.SectionName);
            return;
        }
        MqttClientOptions clientOptions;
        try
        {
            clientOptions = ClientOptions();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or System.Security.Cryptography.CryptographicException)
        {
            // A supervised broker that could not be prepared (its own error is logged) has no CA file yet.
            _logger.LogError("Ingest is off: the broker's CA file {File} cannot be read ({Reason}); check {Section}:CaFile, or the broker's own error above",
                _options.CaFile, exception.Message, FleetBrokerOptions.SectionName);
            return;
        }
        var pipeline = new IngestPipeline(store, SendAckAsync, _options, loggers.CreateLogger<IngestPipeline>());
        Pipeline = pipeline;
        await using var client = new MqttClient(clientOptions, (message, token) => ReceiveAsync(pipeline, message, token), loggers.CreateLogger<MqttClient>());
        _client = client;
        Task committing = pipeline.RunAsync(stoppingToken);
        await client.StartAsync(stoppingToken);
        _logger.LogInformation("Ingest reading {Filter} from {Host}:{Port} as {Client}", SharedFilter, _options.Host, _options.Port, _options.ClientId);
        try
        {
            await Task.Delay(Timeout.Infinite, stoppingToken);
        }
        catch (OperationCanceledException)
        {
        }
        using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await client.StopAsync(stopping.Token);
        }
        catch (OperationCanceledException)
        {
        }
        pipeline.Complete();
        await committing;
    }

    private string SharedFilter => $"$share/{_options.SharedGroup}/{EdgeTopics.AllUp}";

    /// <summary>
    /// Publishes to one node's <c>down</c> topic over the fleet's own connection, at QoS 1: it completes once the
    /// broker has the message, waiting across reconnects.
    /// </summary>
    /// <exception cref="InvalidOperationException">No broker is configured, or ingest has not started yet.</exception>
    public Task PublishDownAsync(string nodeId, DownChannel channel, byte[] payload, bool retain, CancellationToken token) =>
        (_client ?? throw new InvalidOperationException($"The fleet has no broker connection ({FleetBrokerOptions.SectionName}:Host is empty, or ingest has not started)."))
            .PublishAsync(new MqttApplicationMessage(EdgeTopics.Down(nodeId, channel), payload, MqttQualityOfService.AtLeastOnce, retain), token);

    private async ValueTask ReceiveAsync(IngestPipeline pipeline, MqttApplicationMessage message, CancellationToken token)
    {
        DateTimeOffset now = time.GetUtcNow();
        // The broker's ACL lets only a node's own credential publish under its topic, so the topic names who spoke.
        if (EdgeTopics.TryParse(message.Topic, out ParsedTopic parsed, out _))
        {
            activity.Heard(parsed.NodeId, now);
        }
        IngestItem item = _quota.Admit(MessageClassifier.Classify(message.Topic, message.Payload, now), now, out bool firstDrop);
        if (firstDrop)
        {
            Storage.DeadLetterOptions quota = deadLetters.Value;
            _logger.LogWarning("{Sender} is over its dead-letter quota ({Messages} messages or {Bytes} bytes per {Period}); its further refused messages this period are counted, not kept",
                item.Drop!.NodeId is { } node ? $"Node {node}" : "An unknown sender", quota.MaxPerNodePerPeriod, quota.MaxBytesPerNodePerPeriod, quota.Period);
        }
        if (item.ConfigAnswer is { } answer)
        {
            await RecordCalibrationAnswerAsync(answer, token);
        }
        await pipeline.EnqueueAsync(item, token);
    }

    // The fleet's configuration revisions are its calibration versions (Calibration/CalibrationSender).
    private async Task RecordCalibrationAnswerAsync(ConfigApplied answer, CancellationToken token)
    {
        try
        {
            await calibrations.RecordCalibrationAnswerAsync(answer.NodeId, answer.Revision, new Calibration.CalibrationAnswer(answer.Applied, answer.Problem, time.GetUtcNow()), token);
        }
        catch (Storage.FleetStoreException e)
        {
            // The node does not resend its answer, but the staff page still shows the version as sent; nothing is lost but the date.
            _logger.LogWarning("Could not record node {Node}'s answer to calibration version {Version}: {Problem}", answer.NodeId, answer.Revision, e.Message);
        }
    }

    private Task SendAckAsync(AckMessage ack, CancellationToken token) =>
        _client!.PublishAsync(new MqttApplicationMessage(EdgeTopics.Down(ack.NodeId, DownChannel.Ack), EdgeCodec.Encode(ack), MqttQualityOfService.AtLeastOnce), token);

    private MqttClientOptions ClientOptions() => new()
    {
        Host = _options.Host,
        Port = _options.Port,
        ClientId = _options.ClientId,
        Username = _options.Username.Length > 0 ? _options.Username : null,
        Password = _options.Password.Length > 0 ? _options.Password : null,
        // A persistent session: while the fleet restarts, the broker keeps what the nodes send for it.
        CleanSession = false,
        KeepAlive = TimeSpan.FromSeconds(30),
        Tls = _options.Tls(),
        // No incoming size limit of our own: an oversized payload arrives and is filed as a dead letter instead of
        // breaking the connection (and coming back for ever, since the broker redelivers what was not acknowledged).
        Subscriptions = [new MqttSubscription(SharedFilter, MqttQualityOfService.AtLeastOnce)],
    };
}

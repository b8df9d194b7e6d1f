using EdgeNode.Mqtt;
using EdgeNode.Protocol.Codec;
using EdgeNode.Protocol.Messages;
using EdgeNode.Protocol.Topics;
using Microsoft.Extensions.Options;

namespace EdgeNode.Fleet.Ingest;

/// <summary>
/// Reads every node's upward messages through a shared subscription (so several fleet instances can split the load),
/// classifies them and hands them to the <see cref="IngestPipeline"/>, which commits and then acks.
/// </summary>
public sealed class IngestService(IOptions<FleetBrokerOptions> options, Storage.IFleetStore store, TimeProvider time, ILoggerFactory loggers) : BackgroundService
{
    private readonly FleetBrokerOptions _options = options.Value;
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
        var pipeline = new IngestPipeline(store, SendAckAsync, _options, loggers.CreateLogger<IngestPipeline>());
        Pipeline = pipeline;
        await using var client = new MqttClient(ClientOptions(), (message, token) => ReceiveAsync(pipeline, message, token), loggers.CreateLogger<MqttClient>());
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

    private ValueTask ReceiveAsync(IngestPipeline pipeline, MqttApplicationMessage message, CancellationToken token) =>
        pipeline.EnqueueAsync(MessageClassifier.Classify(message.Topic, message.Payload, time.GetUtcNow()), token);

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
        Tls = _options.CaFile.Length > 0 ? MqttTlsOptions.FromPemFile(_options.CaFile) : null,
        Subscriptions = [new MqttSubscription(SharedFilter, MqttQualityOfService.AtLeastOnce)],
        // Well above the protocol's own limit, so an oversized payload arrives and is filed as a dead letter instead of
        // breaking the connection (and coming back for ever, since the broker redelivers what was not acknowledged).
        MaximumIncomingPacketBytes = 16 * 1024 * 1024,
    };
}

using EdgeNode.Fleet.Broker.Session;
using EdgeNode.MqttLink;
using EdgeNode.Protocol.Codec;
using EdgeNode.Protocol.Messages;
using EdgeNode.Protocol.Topics;
using Microsoft.Extensions.Options;

namespace EdgeNode.Fleet.Ingest;

/// <summary>
/// Reads every node's upward messages through a shared subscription on the fleet's MQTT session (so several fleet
/// instances can split the load), classifies them and hands them to the <see cref="IngestPipeline"/>, which commits
/// and then acks.
/// </summary>
public sealed class IngestService(
    FleetMqttSession session, IOptions<FleetBrokerOptions> options, IOptions<Storage.DeadLetterOptions> deadLetters, Storage.IFleetStore store,
    Calibration.ICalibrationStore calibrations, Monitoring.NodeActivity activity, TimeProvider time, ILoggerFactory loggers) : BackgroundService
{
    private readonly FleetBrokerOptions _options = options.Value;
    private readonly DeadLetterQuota _quota = new(deadLetters.Value);
    private readonly ILogger _logger = loggers.CreateLogger<IngestService>();

    /// <summary>The pipeline, once started: its counters are what the health check and the tests read.</summary>
    public IngestPipeline? Pipeline { get; private set; }

    /// <summary>Subscribes before the session connects, so that what the broker kept for the fleet reaches the pipeline.</summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        if (session.IsConfigured)
        {
            var pipeline = new IngestPipeline(store, SendAckAsync, _options, loggers.CreateLogger<IngestPipeline>());
            await session.SubscribeAsync(SharedFilter, MqttQualityOfService.AtLeastOnce, (message, token) => ReceiveAsync(pipeline, message, token), cancellationToken);
            Pipeline = pipeline;
        }
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (Pipeline is not { } pipeline)
        {
            _logger.LogWarning("Ingest is off: no broker configured ({Section}:Host)", FleetBrokerOptions.SectionName);
            return;
        }
        Task committing = pipeline.RunAsync(stoppingToken);
        try
        {
            // Said once the broker has the shared subscription: a message published to a group with no member yet is
            // delivered to nobody, so what is said here is what senders (and the tests) may rely on.
            await session.WaitUntilConnectedAsync(stoppingToken);
            _logger.LogInformation("Ingest reading {Filter} from {Host}:{Port} as {Client}", SharedFilter, _options.Host, _options.Port, _options.ClientId);
            await Task.Delay(Timeout.Infinite, stoppingToken);
        }
        catch (OperationCanceledException)
        {
        }
        catch (InvalidOperationException)
        {
            // The session could not start; it has logged why. The pipeline waits for the stop like the rest.
            await Task.Delay(Timeout.Infinite, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
        pipeline.Complete();
        await committing;
    }

    private string SharedFilter => $"$share/{_options.SharedGroup}/{EdgeTopics.AllUp}";

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
        session.PublishAsync(EdgeTopics.Down(ack.NodeId, DownChannel.Ack), EdgeCodec.Encode(ack), MqttQualityOfService.AtLeastOnce, retain: false, token);
}

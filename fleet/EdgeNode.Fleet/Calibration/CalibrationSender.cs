using EdgeNode.Fleet.Broker.Session;
using EdgeNode.MqttLink;
using EdgeNode.Protocol.Codec;
using EdgeNode.Protocol.Messages;
using EdgeNode.Protocol.Topics;

namespace EdgeNode.Fleet.Calibration;

/// <summary>
/// Puts each node's newest calibration set on its retained <c>down/config</c>, with the set's version as the
/// configuration revision. It sends when staff save a set (<see cref="Wake"/>) and, on every start, each set still
/// unanswered, so a set saved while the fleet was stopped or lost with a broker's retained store still reaches its
/// node; a send the broker did not take is tried again after <see cref="RetryAfterFailure"/>. It does not re-send
/// periodically: a node offline for days gets the retained message when it connects, and a node applies a
/// revision once, so re-sending would only cost metered bytes.
/// </summary>
public sealed class CalibrationSender(
    ICalibrationStore store, FleetMqttSession session, ILogger<CalibrationSender> logger) : BackgroundService
{
    public static readonly TimeSpan RetryAfterFailure = TimeSpan.FromMinutes(1);

    private static readonly TimeSpan PublishTimeout = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim _wake = new(0);

    // Versions published by this process.
    private readonly Dictionary<string, int> _published = new(StringComparer.Ordinal);

    /// <summary>Sends what is new now.</summary>
    public void Wake() => _wake.Release();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!session.IsConfigured)
        {
            // Ingest has already said there is no broker; sets are kept and go out once one is configured.
            return;
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            bool failed = await SendUnansweredAsync(stoppingToken);
            try
            {
                await _wake.WaitAsync(failed ? RetryAfterFailure : Timeout.InfiniteTimeSpan, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <returns>True when something could not be sent (tried again at the next turn).</returns>
    private async Task<bool> SendUnansweredAsync(CancellationToken ct)
    {
        IReadOnlyList<CalibrationRecord> latest;
        try
        {
            latest = await store.ReadLatestCalibrationsAsync(ct);
        }
        catch (Storage.FleetStoreException e)
        {
            logger.LogWarning("Cannot read calibration sets to send: {Problem}", e.Message);
            return true;
        }

        bool failed = false;
        foreach (CalibrationRecord record in latest.Where(r => r.Answer is null))
        {
            if (_published.TryGetValue(record.NodeId, out int sent) && sent == record.Set.Version)
            {
                continue;
            }
            try
            {
                using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
                limit.CancelAfter(PublishTimeout);
                byte[] payload = EdgeCodec.Encode(new ConfigMessage(record.NodeId, record.Set.Version, record.Set.ToSettings()));
                await session.PublishAsync(EdgeTopics.Down(record.NodeId, DownChannel.Config), payload, MqttQualityOfService.AtLeastOnce, retain: true, limit.Token);
                _published[record.NodeId] = record.Set.Version;
                logger.LogInformation("Calibration version {Version} for node {Node} is on the broker, waiting for the node ({Entries} corrections)",
                    record.Set.Version, record.NodeId, record.Set.Entries.Count);
            }
            catch (Exception e) when (e is InvalidOperationException or OperationCanceledException && !ct.IsCancellationRequested)
            {
                logger.LogWarning("Calibration version {Version} for node {Node} not sent yet: {Problem}", record.Set.Version, record.NodeId,
                    e is OperationCanceledException ? "the broker did not take it within 30 s" : e.Message);
                failed = true;
            }
        }
        return failed;
    }
}

using System.Diagnostics;
using System.Threading.Channels;
using EdgeNode.Fleet.Broker.Session;
using EdgeNode.Fleet.Storage;
using EdgeNode.Protocol.Messages;

namespace EdgeNode.Fleet.Ingest;

/// <summary>
/// Gathers classified messages into one transaction, commits it, and only then sends the nodes their acks: the order
/// that makes delivery exactly-once in effect. The queue is bounded, so a slow database slows the MQTT reader (and
/// the broker queues) instead of filling the fleet's memory.
/// </summary>
public sealed class IngestPipeline(IFleetStore store, Func<AckMessage, CancellationToken, Task> sendAck, FleetBrokerOptions options, ILogger<IngestPipeline> logger)
{
    private readonly Channel<IngestItem> _queue = Channel.CreateBounded<IngestItem>(new BoundedChannelOptions(2_000));
    private readonly IngestStageClock _stages = new(TimeSpan.FromSeconds(30));
    private long _committedRows;
    private long _deadLetters;
    private long _droppedDeadLetters;

    public long CommittedRows => Interlocked.Read(ref _committedRows);

    public long DeadLetters => Interlocked.Read(ref _deadLetters);

    /// <summary>Dead letters committed as counts only, their sender being over its quota.</summary>
    public long DroppedDeadLetters => Interlocked.Read(ref _droppedDeadLetters);

    public ValueTask EnqueueAsync(IngestItem item, CancellationToken cancellationToken) => _queue.Writer.WriteAsync(item, cancellationToken);

    public void Complete() => _queue.Writer.TryComplete();

    /// <summary>
    /// Runs <see cref="FleetBrokerOptions.CommitConcurrency"/> committers side by side, so that one gathers and acks
    /// while another waits for the database. Each node has one batch in flight at a time, so two committers never
    /// hold the same node's windows in the same instant.
    /// </summary>
    public Task RunAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, Math.Max(1, options.CommitConcurrency)).Select(_ => CommitLoopAsync(stoppingToken)));

    private async Task CommitLoopAsync(CancellationToken stoppingToken)
    {
        var items = new List<IngestItem>();
        ChannelReader<IngestItem> reader = _queue.Reader;
        try
        {
            while (await reader.WaitToReadAsync(stoppingToken))
            {
                items.Clear();
                int rows = 0;
                var gathering = Stopwatch.StartNew();
                // Take what is there, then give stragglers a moment to join: one commit for many messages is what
                // makes ingest fast, and the delay is bounded so a lone alert is not held back.
                while (rows < options.MaxRowsPerCommit)
                {
                    if (reader.TryRead(out IngestItem? item))
                    {
                        items.Add(item);
                        rows += item.RowCount;
                        continue;
                    }
                    TimeSpan left = options.MaxCommitDelay - gathering.Elapsed;
                    if (left <= TimeSpan.Zero || items.Exists(i => i.Alert is not null))
                    {
                        break;
                    }
                    using var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                    wait.CancelAfter(left);
                    try
                    {
                        if (!await reader.WaitToReadAsync(wait.Token))
                        {
                            break;
                        }
                    }
                    catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
                    {
                        break;
                    }
                }
                TimeSpan gathered = gathering.Elapsed;
                long committing = Stopwatch.GetTimestamp();
                List<IngestItem> committed = await CommitAsync([.. items], stoppingToken);
                long acking = Stopwatch.GetTimestamp();
                await AckAsync(committed, stoppingToken);
                string? report;
                lock (_stages)
                {
                    _stages.Gathered(gathered);
                    _stages.Committed(items.Count, rows, Stopwatch.GetElapsedTime(committing, acking), Stopwatch.GetElapsedTime(acking));
                    report = _stages.TakeReport();
                }
                if (report is not null)
                {
                    logger.LogInformation("Ingest timings: {Report}", report);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>
    /// Commits the group, retrying while the database fails. If the store refuses a row that slipped past
    /// validation, the group is split so that only the message it came from becomes a dead letter (and its ack a
    /// rejection); the others are committed as they are. Returns the items as committed, for their acks.
    /// </summary>
    private async Task<List<IngestItem>> CommitAsync(List<IngestItem> items, CancellationToken token)
    {
        IngestBatch batch = Assemble(items);
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                await store.CommitAsync(batch, token);
                Interlocked.Add(ref _committedRows, batch.Metrics.Count + batch.Traffic.Count + batch.NoValues.Count);
                Interlocked.Add(ref _deadLetters, batch.DeadLetters.Count);
                Interlocked.Add(ref _droppedDeadLetters, batch.DeadLetterDrops.Sum(d => d.Messages));
                foreach (IngestItem item in items)
                {
                    LogEvents(item);
                }
                return items;
            }
            catch (InvalidIngestBatchException e) when (items.Count > 1)
            {
                logger.LogWarning("A commit of {Batch} was refused ({Reason}); committing its messages one by one", batch, e.Message);
                var committed = new List<IngestItem>(items.Count);
                foreach (IngestItem item in items)
                {
                    committed.AddRange(await CommitAsync([item], token));
                }
                return committed;
            }
            catch (InvalidIngestBatchException e)
            {
                IngestItem refused = items[0];
                string reason = $"refused by the store: {e.Message}";
                var letter = new DeadLetter(DateTimeOffset.UtcNow, refused.Topic, refused.Ack?.NodeId, refused.Payload.ToArray(), reason);
                items = [IngestItem.Dead(letter, refused.Ack is { } ack ? ack with { Outcome = AckOutcome.Rejected, Reason = reason } : null) with { Topic = refused.Topic }];
                batch = Assemble(items);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The database is down or busy: nothing is acked, so nothing is lost; keep trying with back-off.
                TimeSpan delay = TimeSpan.FromSeconds(Math.Min(30, Math.Pow(2, Math.Min(attempt, 5))));
                logger.LogError("Commit of {Batch} failed (attempt {Attempt}): {Message}; retrying in {Delay}", batch, attempt, e.Message, delay);
                await Task.Delay(delay, token);
            }
        }
    }

    private async Task AckAsync(List<IngestItem> items, CancellationToken token)
    {
        var acks = items.Where(i => i.Ack is not null).Select(i => i.Ack!).ToList();
        if (acks.Count == 0)
        {
            return;
        }
        try
        {
            await Task.WhenAll(acks.Select(a => sendAck(a, token)));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Committed already: a node that misses its ack resends, and the upsert makes that harmless.
            logger.LogWarning("Could not send {Count} acks: {Message}; those nodes will resend and be acked then", acks.Count, e.Message);
        }
    }

    private void LogEvents(IngestItem item)
    {
        if (item.DeadLetter is { } dead)
        {
            logger.LogWarning("Dead letter from {Node} on {Topic}: {Reason}", dead.NodeId ?? "unknown node", dead.Topic, dead.Reason);
        }
        if (item.Alert is { } alert)
        {
            logger.LogWarning("Pollution alert {State} at {Node}: {Pollutant} {Value:0.0} ({Band})", alert.Cleared ? "cleared" : "raised", alert.NodeId, alert.Pollutant, alert.Value, alert.Band);
        }
        if (item.Reports is { } reports)
        {
            foreach (WireGap gap in reports.Gaps)
            {
                logger.LogWarning("Node {Node} dropped {Count} windows from {From:u} to {To:u} ({Cause})", reports.NodeId, gap.WindowCount, gap.From, gap.To, gap.Cause);
            }
            foreach (WireDownsampling d in reports.Downsamplings)
            {
                logger.LogInformation("Node {Node} merged {Merged} windows of {FromSeconds} s into {Produced} of {ToSeconds} s from {From:u} to {To:u} to stay within its quota",
                    reports.NodeId, d.WindowsMerged, d.FromSeconds, d.WindowsProduced, d.ToSeconds, d.From, d.To);
            }
            foreach (WireSetAside s in reports.SetAside)
            {
                logger.LogWarning("Node {Node} found its buffer corrupt at {At:u} ({Reason}); {Salvaged} windows salvaged{Lost}",
                    reports.NodeId, s.DetectedAt, s.Reason, s.WindowsSalvaged, s.ReadToEnd ? "" : ", some may be lost");
            }
        }
        if (item.ConfigAnswer is { } answer)
        {
            logger.Log(answer.Applied ? LogLevel.Information : LogLevel.Warning, "Node {Node} {Outcome} configuration revision {Revision}{Problem}",
                answer.NodeId, answer.Applied ? "applied" : "refused", answer.Revision, answer.Problem is null ? "" : $": {answer.Problem}");
        }
    }

    private static IngestBatch Assemble(IEnumerable<IngestItem> items)
    {
        var batch = new IngestBatch();
        foreach (IngestItem item in items)
        {
            batch.Metrics.AddRange(item.Metrics);
            batch.Traffic.AddRange(item.Traffic);
            batch.NoValues.AddRange(item.NoValues);
            if (item.Health is { } health)
            {
                batch.Health.Add(health);
            }
            if (item.Alert is { } alert)
            {
                batch.Alerts.Add(alert);
            }
            if (item.DeadLetter is { } dead)
            {
                batch.DeadLetters.Add(dead);
            }
        }
        // A flood is many drops from one sender: one row per sender and period is enough.
        batch.DeadLetterDrops.AddRange(items.Where(i => i.Drop is not null).Select(i => i.Drop!)
            .GroupBy(d => (d.NodeId, d.PeriodStart))
            .Select(g => new DeadLetterDrop(g.Key.NodeId, g.Key.PeriodStart, g.Sum(d => d.Messages), g.Sum(d => d.Bytes))));
        return batch;
    }
}

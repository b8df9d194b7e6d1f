using System.Collections.Concurrent;
using System.Diagnostics;
using EdgeNode.Fleet.Broker.Session;
using EdgeNode.Fleet.Ingest;
using EdgeNode.Fleet.Storage;
using EdgeNode.Fleet.Tests.Support;
using EdgeNode.Protocol.Codec;
using EdgeNode.Protocol.Messages;
using EdgeNode.Protocol.Topics;
using EdgeNode.TestSupport;
using Microsoft.Extensions.Logging;

namespace EdgeNode.Fleet.Tests.Ingest;

/// <summary>
/// What the ingest pipeline promises, against a real store (a subclass per provider): acks only after the commit,
/// many messages per commit, alerts not held back, nothing lost or acked while the database fails, and one bad
/// message filed as a dead letter without taking its neighbours down. Every node here sends one message, so "the
/// store has this node's rows" is exactly "this message was committed". No timing is asserted: waits are generous
/// bounds that only a broken pipeline reaches.
/// </summary>
public abstract class IngestPipelineContract : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    private readonly ConcurrentQueue<SentAck> _acks = new();
    private readonly ConcurrentDictionary<string, int> _metricRowsByNode = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly RecordingLogger<IngestPipeline> _logger = new();

    // The pipeline sends a group's acks all at once; checking each against the store one at a time keeps the checks
    // from needing as many database connections as there are acks (PostgreSQL here allows 60).
    private readonly SemaphoreSlim _checking = new(1);
    private FlakyFleetStore _store = null!;
    private IFleetStore _real = null!;
    private Task? _running;

    private static CancellationToken None => CancellationToken.None;

    public async Task InitializeAsync()
    {
        _real = FleetStoreFactory.Create(await CreateDatabaseAsync());
        await _real.InitialiseAsync(None);
    }

    public async Task DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_running is not null)
        {
            await _running.WaitAsync(Patience);
        }
        await _real.DisposeAsync();
        _stop.Dispose();
        _checking.Dispose();
        await DeleteDatabaseAsync();
    }

    /// <summary>A connection string to a new, empty database.</summary>
    protected abstract Task<string> CreateDatabaseAsync();

    protected virtual Task DeleteDatabaseAsync() => Task.CompletedTask;

    [Fact]
    public async Task Acks_are_sent_only_after_the_rows_are_committed()
    {
        IngestPipeline pipeline = Pipeline();
        for (int i = 0; i < 10; i++)
        {
            await EnqueueBatchAsync(pipeline, Node(i));
        }
        Run(pipeline);
        for (int i = 10; i < 20; i++)
        {
            await EnqueueBatchAsync(pipeline, Node(i));
        }
        await pipeline.EnqueueAsync(Classify(UpChannel.Alert, Node(20), EdgeCodec.Encode(NodeMessages.Alert(Node(20)))), None);

        IReadOnlyList<SentAck> acks = await WaitForAcksAsync(21);

        Assert.All(acks, sent => Assert.True(sent.Committed, $"{sent.Ack} was sent before its rows were committed"));
        Assert.All(acks, sent => Assert.Equal(AckOutcome.Stored, sent.Ack.Outcome));
        Assert.Equal(Enumerable.Range(0, 21).Select(Node).Order(), acks.Select(sent => sent.Ack.NodeId).Order());
        Assert.Equal(20 * 6, await _store.CountMetricWindowsAsync(null, None));
    }

    [Fact]
    public async Task Messages_waiting_together_are_committed_together()
    {
        // One committer, so that the count of commits is the gathering's alone.
        IngestPipeline pipeline = Pipeline(new FleetBrokerOptions { CommitConcurrency = 1 });
        for (int i = 0; i < 200; i++)
        {
            await EnqueueBatchAsync(pipeline, Node(i), small: true);
        }

        Run(pipeline);
        await WaitForAcksAsync(200);

        Assert.Equal(1, _store.Committed);
        Assert.Equal(200, await _store.CountMetricWindowsAsync(null, None));
        Assert.Equal(200, pipeline.CommittedRows);
    }

    [Fact]
    public async Task Several_committers_side_by_side_store_and_ack_every_message_once()
    {
        IngestPipeline pipeline = Pipeline(new FleetBrokerOptions { MaxRowsPerCommit = 7, CommitConcurrency = 3 });
        for (int i = 0; i < 200; i++)
        {
            await EnqueueBatchAsync(pipeline, Node(i), small: true);
        }

        Run(pipeline);
        IReadOnlyList<SentAck> acks = await WaitForAcksAsync(200);

        Assert.Equal(200, acks.Select(sent => sent.Ack.NodeId).Distinct().Count());
        Assert.All(acks, sent => Assert.Equal(AckOutcome.Stored, sent.Ack.Outcome));
        Assert.Equal(200, await _store.CountMetricWindowsAsync(null, None));
        Assert.Equal(200, pipeline.CommittedRows);
    }

    [Fact]
    public async Task A_commit_holds_at_most_the_configured_rows()
    {
        // One row per message and ten per commit: 200 waiting messages make exactly 20 commits.
        IngestPipeline pipeline = Pipeline(new FleetBrokerOptions { MaxRowsPerCommit = 10, CommitConcurrency = 1 });
        for (int i = 0; i < 200; i++)
        {
            await EnqueueBatchAsync(pipeline, Node(i), small: true);
        }

        Run(pipeline);
        await WaitForAcksAsync(200);

        Assert.Equal(20, _store.Committed);
        Assert.Equal(200, await _store.CountMetricWindowsAsync(null, None));
    }

    [Fact]
    public async Task An_alert_is_not_held_back_by_the_gathering_delay()
    {
        // An hour to gather: only the alert rule can get these acked within the test's patience. One committer: with
        // two, the batch could sit with the one the alert did not reach (the rule is each committer's own).
        IngestPipeline pipeline = Pipeline(new FleetBrokerOptions { MaxCommitDelay = TimeSpan.FromHours(1), CommitConcurrency = 1 });
        Run(pipeline);

        await pipeline.EnqueueAsync(Classify(UpChannel.Alert, Node(0), EdgeCodec.Encode(NodeMessages.Alert(Node(0)))), None);
        SentAck lone = Assert.Single(await WaitForAcksAsync(1));

        // A batch waiting for company goes out with the alert that joins it.
        await EnqueueBatchAsync(pipeline, Node(1));
        await pipeline.EnqueueAsync(Classify(UpChannel.Alert, Node(2), EdgeCodec.Encode(NodeMessages.Alert(Node(2), raised: false))), None);
        IReadOnlyList<SentAck> acks = await WaitForAcksAsync(3);

        Assert.Equal(AckSubject.Alert, lone.Ack.Subject);
        Assert.All(acks, sent => Assert.True(sent.Committed));
        Assert.Equal([Node(0), Node(1), Node(2)], acks.Select(sent => sent.Ack.NodeId).Order());
        Assert.Equal(2, (await _store.ReadAlertsAsync(null, None)).Count);
    }

    [Fact]
    public async Task While_the_store_fails_nothing_is_acked_and_nothing_is_lost()
    {
        IngestPipeline pipeline = Pipeline(failFirstCommits: 2);
        for (int i = 0; i < 5; i++)
        {
            await EnqueueBatchAsync(pipeline, Node(i));
        }

        Run(pipeline);
        IReadOnlyList<SentAck> acks = await WaitForAcksAsync(5);

        Assert.Equal(2, _store.Failed);
        Assert.All(acks, sent => Assert.True(sent.CommitsBefore >= 1 && sent.Committed, $"{sent.Ack} was sent before a commit succeeded"));
        Assert.All(acks, sent => Assert.Equal(AckOutcome.Stored, sent.Ack.Outcome));
        Assert.Equal(5 * 6, await _store.CountMetricWindowsAsync(null, None));
        Assert.Equal(0, await _store.CountDeadLettersAsync(None));
        Assert.True(_logger.Contains("retrying", LogLevel.Error), "the failed commits were not logged as errors");
    }

    [Fact]
    public async Task A_message_with_an_invalid_row_becomes_a_dead_letter_and_its_group_is_still_committed()
    {
        IngestPipeline pipeline = Pipeline();
        await EnqueueBatchAsync(pipeline, Node(0));
        IngestItem valid = Classify(UpChannel.Batch, Node(1), EdgeCodec.Encode(NodeMessages.Batch(Node(1))));
        // What the codec cannot produce but a future bug in the classifier could: a NaN mean, a 17-bin histogram.
        await pipeline.EnqueueAsync(valid with { Metrics = [valid.Metrics[0] with { Mean = double.NaN }, .. valid.Metrics.Skip(1)] }, None);
        await EnqueueBatchAsync(pipeline, Node(2));
        IngestItem traffic = Classify(UpChannel.Batch, Node(3), EdgeCodec.Encode(NodeMessages.Batch(Node(3))));
        await pipeline.EnqueueAsync(traffic with { Traffic = [traffic.Traffic[0] with { SpeedHistogram = new int[TrafficWindowRow.SpeedBins + 1] }] }, None);
        await EnqueueBatchAsync(pipeline, Node(4));

        Run(pipeline);
        Dictionary<string, AckMessage> acks = (await WaitForAcksAsync(5)).ToDictionary(sent => sent.Ack.NodeId, sent => sent.Ack);

        foreach (string good in new[] { Node(0), Node(2), Node(4) })
        {
            Assert.Equal(AckOutcome.Stored, acks[good].Outcome);
            Assert.Equal(6, await _store.CountMetricWindowsAsync(good, None));
        }
        foreach (string bad in new[] { Node(1), Node(3) })
        {
            Assert.Equal(AckOutcome.Rejected, acks[bad].Outcome);
            Assert.Equal(0, await _store.CountMetricWindowsAsync(bad, None));
            StoredDeadLetter letter = Assert.Single(await _store.ReadDeadLettersAsync(bad, 10, None));
            Assert.Contains("refused by the store", letter.Reason, StringComparison.Ordinal);
            Assert.Equal(letter.Reason, acks[bad].Reason);
            // Filed as it arrived, so staff see the message itself, not an empty shell.
            Assert.Equal(NodeMessages.Topic(UpChannel.Batch, bad), letter.Topic);
            Assert.Equal(EdgeCodec.Encode(NodeMessages.Batch(bad)), letter.Payload);
        }
        Assert.Contains("NaN", (await _store.ReadDeadLettersAsync(Node(1), 10, None))[0].Reason, StringComparison.Ordinal);
        Assert.Contains("histogram", (await _store.ReadDeadLettersAsync(Node(3), 10, None))[0].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_batch_naming_an_unknown_sensor_is_kept_as_a_dead_letter_and_acked_rejected_while_the_others_are_stored()
    {
        IngestPipeline pipeline = Pipeline();
        await EnqueueBatchAsync(pipeline, Node(0));
        WindowBatch batch = NodeMessages.Batch(Node(1));
        byte[] payload = EdgeCodec.Encode(batch with { Windows = [batch.Windows[0] with { Sensors = [.. batch.Windows[0].Sensors.Select(s => s with { Sensor = "scd41" })] }, batch.Windows[1]] });
        IngestItem unknown = Classify(UpChannel.Batch, Node(1), payload);
        await pipeline.EnqueueAsync(unknown, None);
        await EnqueueBatchAsync(pipeline, Node(2));

        Run(pipeline);
        Dictionary<string, AckMessage> acks = (await WaitForAcksAsync(3)).ToDictionary(sent => sent.Ack.NodeId, sent => sent.Ack);

        Assert.Equal(AckOutcome.Stored, acks[Node(0)].Outcome);
        Assert.Equal(AckOutcome.Stored, acks[Node(2)].Outcome);
        Assert.Equal(AckOutcome.Rejected, acks[Node(1)].Outcome);
        Assert.Equal(0, await _store.CountMetricWindowsAsync(Node(1), None));
        StoredDeadLetter letter = Assert.Single(await _store.ReadDeadLettersAsync(Node(1), 10, None));
        Assert.Equal(payload, letter.Payload);
        Assert.Equal(letter.Reason, acks[Node(1)].Reason);
        Assert.Contains("'scd41'", letter.Reason, StringComparison.Ordinal);
        Assert.Contains("known sensors are bme280, scd4x,", letter.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_window_in_which_every_read_failed_is_stored_with_its_faults_and_acked()
    {
        IngestPipeline pipeline = Pipeline();
        WindowBatch batch = NodeMessages.Batch(Node(0));
        WireWindow failing = batch.Windows[1] with
        {
            Sensors = [new WireSensorWindow("bme280", 0, [], 0, WireFault.Stale), new WireSensorWindow("sds011", 0, [], 3, WireFault.NotAnswering)],
        };
        IngestItem item = Classify(UpChannel.Batch, Node(0), EdgeCodec.Encode(batch with { Windows = [batch.Windows[0], failing] }));
        _metricRowsByNode[Node(0)] = item.Metrics.Count;
        await pipeline.EnqueueAsync(item, None);

        Run(pipeline);
        SentAck sent = Assert.Single(await WaitForAcksAsync(1));

        Assert.Equal(AckOutcome.Stored, sent.Ack.Outcome);
        Assert.True(sent.Committed);
        IReadOnlyList<NoValueWindowRow> stored = await _store.ReadNoValueWindowsAsync(Node(0), failing.Start, failing.Start.AddMinutes(15), None);
        Assert.Equal([("bme280", "Stale", 0), ("sds011", "NotAnswering", 3)], stored.Select(row => (row.Sensor, row.LastFault, row.Faults)));
        Assert.Empty(await _store.ReadMetricWindowsAsync(Node(0), null, failing.Start, failing.Start.AddMinutes(15), None));
    }

    private static string Node(int index) => $"node-{index:000}";

    private static IngestItem Classify(UpChannel channel, string node, byte[] payload) =>
        MessageClassifier.Classify(NodeMessages.Topic(channel, node), payload, NodeMessages.ReceivedAt);

    private IngestPipeline Pipeline(FleetBrokerOptions? options = null, int failFirstCommits = 0)
    {
        _store = new FlakyFleetStore(_real, failFirstCommits);
        return new IngestPipeline(_store, SendAckAsync, options ?? new FleetBrokerOptions(), _logger);
    }

    private void Run(IngestPipeline pipeline) => _running = pipeline.RunAsync(_stop.Token);

    private async Task EnqueueBatchAsync(IngestPipeline pipeline, string node, bool small = false)
    {
        WindowBatch batch = small ? NodeMessages.SmallBatch(node, 1, window: 0) : NodeMessages.Batch(node);
        IngestItem item = Classify(UpChannel.Batch, node, EdgeCodec.Encode(batch));
        Assert.Null(item.DeadLetter);
        _metricRowsByNode[node] = item.Metrics.Count;
        await pipeline.EnqueueAsync(item, None);
    }

    /// <summary>The pipeline's ack sender: records each ack with whether the store already holds what it acknowledges.</summary>
    private async Task SendAckAsync(AckMessage ack, CancellationToken ct)
    {
        int commits = _store.Committed;
        await _checking.WaitAsync(ct);
        try
        {
            bool committed = ack switch
            {
                { Outcome: AckOutcome.Rejected } => (await _store.ReadDeadLettersAsync(ack.NodeId, 10, ct)).Count > 0,
                { Subject: AckSubject.Alert } => (await _store.ReadAlertsAsync(ack.NodeId, ct)).Count > 0,
                _ => await _store.CountMetricWindowsAsync(ack.NodeId, ct) == _metricRowsByNode.GetValueOrDefault(ack.NodeId, -1),
            };
            _acks.Enqueue(new SentAck(ack, committed, commits));
        }
        finally
        {
            _checking.Release();
        }
    }

    private async Task<IReadOnlyList<SentAck>> WaitForAcksAsync(int count)
    {
        var clock = Stopwatch.StartNew();
        while (_acks.Count < count)
        {
            if (clock.Elapsed > Patience)
            {
                throw new TimeoutException($"{_acks.Count} of {count} acks after {Patience}: {string.Join(", ", _acks.Select(a => a.Ack))}. Log:\n{string.Join('\n', _logger.Entries.Select(e => e.Message))}");
            }
            if (_running is { IsCompleted: true } ended)
            {
                throw new InvalidOperationException($"The pipeline stopped after {_acks.Count} of {count} acks", ended.Exception);
            }
            await Task.Delay(20);
        }
        Assert.Equal(count, _acks.Count);
        return [.. _acks];
    }
}

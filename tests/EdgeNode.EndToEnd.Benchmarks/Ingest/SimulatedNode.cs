using System.Collections.Concurrent;
using EdgeNode.MqttLink;
using EdgeNode.Protocol.Codec;
using EdgeNode.Protocol.Messages;
using EdgeNode.Protocol.Topics;

namespace EdgeNode.EndToEnd.Benchmarks.Ingest;

/// <summary>
/// One node draining its backlog as the real uplink does: its own MQTT connection (client id = node id, persistent
/// session, subscribed to its down/#), one batch published at QoS 1, then nothing until the fleet's down/ack names it.
/// </summary>
internal sealed class SimulatedNode(int node, string host, int port, IReadOnlyList<byte[]> batches, IngestTally tally) : IAsyncDisposable
{
    private static readonly TimeSpan AckTimeout = TimeSpan.FromMinutes(2);
    private readonly ConcurrentDictionary<ulong, TaskCompletionSource<AckOutcome>> _acks = new();
    private MqttClient? _client;

    public string NodeId { get; } = BacklogBatches.NodeId(node);

    public async Task ConnectAsync(CancellationToken token)
    {
        _client = new MqttClient(new MqttClientOptions
        {
            Host = host,
            Port = port,
            ClientId = NodeId,
            CleanSession = false,
            KeepAlive = TimeSpan.FromMinutes(10),
            ConnectTimeout = TimeSpan.FromSeconds(60),
            Subscriptions = [new MqttSubscription(EdgeTopics.AllDown(NodeId), MqttQualityOfService.AtLeastOnce)],
        }, OnMessageAsync);
        await _client.StartAsync(token);
        await _client.WaitUntilConnectedAsync(token);
    }

    public async Task DrainAsync(CancellationToken token)
    {
        string topic = EdgeTopics.Up(NodeId, UpChannel.Batch);
        for (int day = 0; day < batches.Count && !token.IsCancellationRequested; day++)
        {
            ulong batchId = (ulong)day + 1;
            var acked = new TaskCompletionSource<AckOutcome>(TaskCreationOptions.RunContinuationsAsynchronously);
            _acks[batchId] = acked;
            try
            {
                await _client!.PublishAsync(new MqttApplicationMessage(topic, batches[day], MqttQualityOfService.AtLeastOnce), token);
                AckOutcome outcome = await acked.Task.WaitAsync(AckTimeout, token);
                tally.BatchAcked(outcome == AckOutcome.Stored ? BacklogBatches.RowsPerBatch : 0, outcome);
            }
            catch (TimeoutException)
            {
                tally.AckTimedOut();
                day--; // as the real node: the windows stay, and go again
            }
            catch (OperationCanceledException)
            {
                return;
            }
            finally
            {
                _acks.TryRemove(batchId, out _);
            }
        }
        tally.NodeRanOut();
    }

    private ValueTask OnMessageAsync(MqttApplicationMessage message, CancellationToken token)
    {
        AckMessage ack = EdgeCodec.DecodeAck(message.Payload);
        if (_acks.TryGetValue(ack.Id, out TaskCompletionSource<AckOutcome>? waiting))
        {
            waiting.TrySetResult(ack.Outcome);
        }
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        if (_client is not null)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            try
            {
                await _client.StopAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
            }
            await _client.DisposeAsync();
        }
    }
}

/// <summary>What the simulated nodes saw, shared between them.</summary>
internal sealed class IngestTally
{
    private long _rows;
    private long _batches;
    private long _timeouts;
    private long _rejected;
    private int _ranOut;

    public long RowsAcked => Interlocked.Read(ref _rows);

    public long BatchesAcked => Interlocked.Read(ref _batches);

    public long AckTimeouts => Interlocked.Read(ref _timeouts);

    /// <summary>Batches the fleet acked as rejected (dead letters): a workload bug, and not counted as rows.</summary>
    public long Rejected => Interlocked.Read(ref _rejected);

    public int NodesRanOut => Volatile.Read(ref _ranOut);

    public void BatchAcked(int rows, AckOutcome outcome)
    {
        if (outcome != AckOutcome.Stored)
        {
            Interlocked.Increment(ref _rejected);
        }
        Interlocked.Add(ref _rows, rows);
        Interlocked.Increment(ref _batches);
    }

    public void AckTimedOut() => Interlocked.Increment(ref _timeouts);

    public void NodeRanOut() => Interlocked.Increment(ref _ranOut);
}

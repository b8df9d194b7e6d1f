using System.Collections.Concurrent;
using EdgeNode.MqttLink;
using EdgeNode.Protocol.Codec;
using EdgeNode.Protocol.Messages;
using EdgeNode.Protocol.Topics;

namespace EdgeNode.Daemon.Tests.Uplink;

/// <summary>
/// Stands in for the fleet in the node's own tests: records what the node sends through the real broker and acks
/// batches and alerts while <see cref="Acking"/> is true. The real fleet's ingest is tested end to end elsewhere.
/// </summary>
internal sealed class AckingFleet : IAsyncDisposable
{
    private readonly MqttClient _client;

    private AckingFleet(string host, int port)
    {
        _client = new MqttClient(new MqttClientOptions
        {
            Host = host,
            Port = port,
            ClientId = "test-fleet",
            CleanSession = true,
            Subscriptions = [new MqttSubscription(EdgeTopics.AllUp), new MqttSubscription(EdgeTopics.AllStatus)],
        }, OnMessageAsync);
    }

    public bool Acking { get; set; } = true;

    public ConcurrentQueue<WindowBatch> Batches { get; } = new();

    /// <summary>The reason to reject a batch, as the fleet does one it refuses; null (or no function) stores it.</summary>
    public Func<WindowBatch, string?>? Reject { get; set; }

    /// <summary>The batches acked as stored.</summary>
    public ConcurrentQueue<WindowBatch> Stored { get; } = new();

    public ConcurrentQueue<AlertMessage> Alerts { get; } = new();

    public ConcurrentQueue<HealthReport> Health { get; } = new();

    public ConcurrentQueue<ConfigApplied> ConfigAnswers { get; } = new();

    public ConcurrentQueue<StatusMessage> Presence { get; } = new();

    public MqttClient Client => _client;

    public static async Task<AckingFleet> StartAsync(string host, int port)
    {
        var fleet = new AckingFleet(host, port);
        await fleet._client.StartAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await fleet._client.WaitUntilConnectedAsync(timeout.Token);
        return fleet;
    }

    private async ValueTask OnMessageAsync(MqttApplicationMessage message, CancellationToken token)
    {
        Assert.True(EdgeTopics.TryParse(message.Topic, out ParsedTopic topic, out string problem), problem);
        if (topic.Kind == TopicKind.Status)
        {
            Presence.Enqueue(EdgeCodec.DecodeStatus(message.Payload));
            return;
        }
        switch (topic.Up)
        {
            case UpChannel.Batch:
                WindowBatch batch = EdgeCodec.DecodeBatch(message.Payload);
                Batches.Enqueue(batch);
                if (Acking)
                {
                    string? reason = Reject?.Invoke(batch);
                    if (reason is null)
                    {
                        Stored.Enqueue(batch);
                    }
                    await AckAsync(new AckMessage(batch.NodeId, AckSubject.Batch, batch.BatchId, reason is null ? AckOutcome.Stored : AckOutcome.Rejected, reason), token);
                }
                break;
            case UpChannel.Alert:
                AlertMessage alert = EdgeCodec.DecodeAlert(message.Payload);
                Alerts.Enqueue(alert);
                if (Acking)
                {
                    await AckAsync(new AckMessage(alert.NodeId, AckSubject.Alert, alert.AlertId, AckOutcome.Stored, null), token);
                }
                break;
            case UpChannel.Health:
                Health.Enqueue(EdgeCodec.DecodeHealth(message.Payload));
                break;
            case UpChannel.Ack:
                ConfigAnswers.Enqueue(EdgeCodec.DecodeConfigApplied(message.Payload));
                break;
        }
    }

    private Task AckAsync(AckMessage ack, CancellationToken token) =>
        // Not awaited from inside the handler: the PUBACK for the ack comes through the same connection's reader.
        Task.Run(() => _client.PublishAsync(new MqttApplicationMessage(EdgeTopics.Down(ack.NodeId, DownChannel.Ack), EdgeCodec.Encode(ack), MqttQualityOfService.AtLeastOnce)), token);

    public async ValueTask DisposeAsync() => await _client.DisposeAsync();
}

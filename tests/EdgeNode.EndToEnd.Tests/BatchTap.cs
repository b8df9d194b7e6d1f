using System.Collections.Concurrent;
using EdgeNode.MqttLink;
using EdgeNode.Protocol.Codec;
using EdgeNode.Protocol.Messages;
using EdgeNode.Protocol.Topics;

namespace EdgeNode.EndToEnd.Tests;

/// <summary>
/// Listens beside the fleet to every batch the nodes publish, so a test can compare what was sent with what the
/// fleet stored. Its own, non-shared subscription: the fleet's share is not affected.
/// </summary>
internal sealed class BatchTap : IAsyncDisposable
{
    private readonly MqttClient _client;

    private BatchTap(MqttClient client) => _client = client;

    public ConcurrentQueue<WindowBatch> Batches { get; } = new();

    public static async Task<BatchTap> StartAsync(string host, int port)
    {
        BatchTap? tap = null;
        var client = new MqttClient(new MqttClientOptions
        {
            Host = host,
            Port = port,
            ClientId = "e2e-tap",
            CleanSession = false,
            Subscriptions = [new MqttSubscription("edge/+/up/batch")],
        }, (message, _) =>
        {
            tap!.Batches.Enqueue(EdgeCodec.DecodeBatch(message.Payload));
            return ValueTask.CompletedTask;
        });
        tap = new BatchTap(client);
        await client.StartAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await client.WaitUntilConnectedAsync(timeout.Token);
        return tap;
    }

    /// <summary>Every window sent, the last sending of each (node, start) winning, as the fleet's upsert does.</summary>
    public IReadOnlyDictionary<(string Node, DateTimeOffset Start), WireWindow> LatestWindows()
    {
        var latest = new Dictionary<(string, DateTimeOffset), WireWindow>();
        foreach (WindowBatch batch in Batches)
        {
            foreach (WireWindow window in batch.Windows)
            {
                latest[(batch.NodeId, window.Start)] = window;
            }
        }
        return latest;
    }

    public ValueTask DisposeAsync() => _client.DisposeAsync();
}

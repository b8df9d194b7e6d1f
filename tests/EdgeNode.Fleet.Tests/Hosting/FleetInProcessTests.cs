using System.Diagnostics;
using System.Net;
using System.Threading.Channels;
using EdgeNode.Fleet.Broker.Session;
using EdgeNode.Fleet.Calibration;
using EdgeNode.Fleet.Storage;
using EdgeNode.Fleet.Tests.Support;
using EdgeNode.MqttLink;
using EdgeNode.Protocol.Calibration;
using EdgeNode.Protocol.Codec;
using EdgeNode.Protocol.Messages;
using EdgeNode.Protocol.Topics;
using EdgeNode.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace EdgeNode.Fleet.Tests.Hosting;

/// <summary>
/// The fleet started in-process as a service host would start it, a real Mosquitto, and a node played by our MQTT
/// client: one batch goes the whole way (publish, commit, ack) and the web side answers.
/// </summary>
public sealed class FleetInProcessTests : IAsyncLifetime
{
    private const string Node = "lampadaire-7";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly TemporaryDirectory _folder = new("edgenode-fleet-host-");
    private readonly Channel<MqttApplicationMessage> _down = Channel.CreateUnbounded<MqttApplicationMessage>();
    private MosquittoBroker _broker = null!;
    private FleetApplicationFactory _fleet = null!;

    public async Task InitializeAsync()
    {
        _broker = await MosquittoBroker.StartAsync();
        _fleet = new FleetApplicationFactory(_folder.File("fleet.db"), _broker.Host, _broker.Port);
    }

    public async Task DisposeAsync()
    {
        await _fleet.DisposeAsync();
        await _broker.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task A_batch_published_by_a_node_is_stored_and_acked_as_stored()
    {
        using var timeout = new CancellationTokenSource(Patience);
        await WaitUntilIngestIsSubscribedAsync(timeout.Token);
        await using MqttClient node = await ConnectNodeAsync(timeout.Token);

        // Windows of the last hours: the fleet refuses windows dated more than a day after it receives them.
        DateTimeOffset now = DateTimeOffset.UtcNow;
        DateTimeOffset start = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute / 15 * 15, 0, TimeSpan.Zero).AddHours(-2);
        WindowBatch batch = NodeMessages.Batch(Node, batchId: 31337, start: start);
        await node.PublishAsync(new MqttApplicationMessage(EdgeTopics.Up(Node, UpChannel.Batch), EdgeCodec.Encode(batch), MqttQualityOfService.AtLeastOnce), timeout.Token);

        MqttApplicationMessage down = await ReadDownAsync(timeout.Token);

        Assert.Equal(EdgeTopics.Down(Node, DownChannel.Ack), down.Topic);
        Assert.Equal(new AckMessage(Node, AckSubject.Batch, 31337, AckOutcome.Stored, null), EdgeCodec.DecodeAck(down.Payload));
        IFleetStore store = _fleet.Services.GetRequiredService<IFleetStore>();
        IReadOnlyList<MetricWindowRow> rows = await store.ReadMetricWindowsAsync(Node, null, start, start.AddHours(1), timeout.Token);
        Assert.Equal(6, rows.Count);
        Assert.Contains(rows, row => row is { Sensor: "sds011", Metric: "pm25_ugm3", Mean: 9.4, CalibrationVersion: 4 } && row.WindowStart == start);
        Assert.Single(await store.ReadTrafficWindowsAsync(Node, start, start.AddHours(1), timeout.Token));
        Assert.Equal(0, await store.CountDeadLettersAsync(timeout.Token));
    }

    [Fact]
    public async Task A_calibration_set_waits_retained_for_its_node_and_the_nodes_answer_is_recorded()
    {
        using var timeout = new CancellationTokenSource(Patience);
        await WaitUntilIngestIsSubscribedAsync(timeout.Token);
        ICalibrationStore calibrations = _fleet.Services.GetRequiredService<ICalibrationStore>();
        CalibrationRecord saved = await calibrations.AddCalibrationAsync(Node, [new CalibrationEntry("sds011", "pm25_ugm3", 0.8, -1.5)], "alice", DateTimeOffset.UtcNow, 0, timeout.Token);
        _fleet.Services.GetRequiredService<CalibrationSender>().Wake();
        await WaitForAsync(() => IsRetainedAsync(EdgeTopics.Down(Node, DownChannel.Config), timeout.Token), "the retained configuration", timeout.Token);

        // The node connects only now, as one offline when the set was saved would.
        await using MqttClient node = await ConnectNodeAsync(timeout.Token);
        MqttApplicationMessage down = await ReadDownAsync(timeout.Token);

        Assert.Equal(EdgeTopics.Down(Node, DownChannel.Config), down.Topic);
        ConfigMessage config = EdgeCodec.DecodeConfig(down.Payload);
        Assert.Equal(1, config.Revision);
        Assert.Equal(saved.Set.ToSettings(), config.Settings);
        var problems = new List<string>();
        Assert.Equal(saved.Set.Entries, CalibrationSet.FromSettings(config.Settings, problems)!.Entries);

        await node.PublishAsync(new MqttApplicationMessage(EdgeTopics.Up(Node, UpChannel.Ack), EdgeCodec.Encode(new ConfigApplied(Node, 1, true, null)), MqttQualityOfService.AtLeastOnce), timeout.Token);

        await WaitForAsync(async () => (await calibrations.ReadCalibrationsAsync(Node, timeout.Token))[0].Answer is { Applied: true }, "the node's answer in the store", timeout.Token);
    }

    [Fact]
    public async Task Health_answers_200()
    {
        using HttpClient client = _fleet.CreateClient();

        using HttpResponseMessage response = await client.GetAsync(new Uri("/health", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>
    /// Starts the host (the first use of Services does) and waits for ingest's subscription: a message published
    /// before it would reach no subscriber, and the broker would not keep it for the fleet.
    /// </summary>
    private async Task WaitUntilIngestIsSubscribedAsync(CancellationToken token)
    {
        FleetMqttSession session = _fleet.Services.GetRequiredService<FleetMqttSession>();
        var clock = Stopwatch.StartNew();
        // "Connected" in our client means CONNACK received and the subscriptions (ingest's among them) acknowledged.
        while (session.State is not { IsConnected: true })
        {
            if (token.IsCancellationRequested)
            {
                throw new TimeoutException($"The fleet's ingest did not connect to the broker within {clock.Elapsed} ({session.State}). Broker:\n{_broker.Output}");
            }
            await Task.Delay(50, CancellationToken.None);
        }
    }

    /// <summary>A node as the daemon connects one: its own id, listening on its own down topics.</summary>
    private async Task<MqttClient> ConnectNodeAsync(CancellationToken token)
    {
        var options = new MqttClientOptions
        {
            Host = _broker.Host,
            Port = _broker.Port,
            ClientId = Node,
            CleanSession = true,
            Subscriptions = [new MqttSubscription(EdgeTopics.AllDown(Node), MqttQualityOfService.AtLeastOnce)],
        };
        var client = new MqttClient(options, (message, ct) => _down.Writer.WriteAsync(message, ct));
        await client.StartAsync(token);
        await client.WaitUntilConnectedAsync(token);
        return client;
    }

    /// <summary>Whether the broker holds a retained message on the topic: a new subscriber gets it at once.</summary>
    private async Task<bool> IsRetainedAsync(string topic, CancellationToken token)
    {
        var received = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var options = new MqttClientOptions
        {
            Host = _broker.Host,
            Port = _broker.Port,
            ClientId = "retained.probe",
            CleanSession = true,
            Subscriptions = [new MqttSubscription(topic, MqttQualityOfService.AtLeastOnce)],
        };
        await using var probe = new MqttClient(options, (message, ct) =>
        {
            received.TrySetResult();
            return ValueTask.CompletedTask;
        });
        await probe.StartAsync(token);
        await probe.WaitUntilConnectedAsync(token);
        return await Task.WhenAny(received.Task, Task.Delay(TimeSpan.FromMilliseconds(500), token)) == received.Task;
    }

    private async Task WaitForAsync(Func<Task<bool>> condition, string what, CancellationToken token)
    {
        while (!await condition())
        {
            if (token.IsCancellationRequested)
            {
                throw new TimeoutException($"No sign of {what} within {Patience}. Broker:\n{_broker.Output}");
            }
            await Task.Delay(50, CancellationToken.None);
        }
    }

    private async Task<MqttApplicationMessage> ReadDownAsync(CancellationToken token)
    {
        try
        {
            return await _down.Reader.ReadAsync(token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"No message on {EdgeTopics.AllDown(Node)} within {Patience}. Broker:\n{_broker.Output}");
        }
    }
}

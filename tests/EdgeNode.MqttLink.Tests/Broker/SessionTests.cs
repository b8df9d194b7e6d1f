using EdgeNode.TestSupport;
using Xunit.Abstractions;

namespace EdgeNode.MqttLink.Tests.Broker;

/// <summary>Persistent sessions and QoS 1 across disconnections and broker restarts.</summary>
public sealed class SessionTests(ITestOutputHelper output)
{
    private readonly RecordingLogger<MqttClient> _logger = new(output.WriteLine);

    [Fact]
    public async Task Qos1_messages_for_an_offline_persistent_subscriber_are_delivered_after_it_reconnects()
    {
        await using MosquittoBroker broker = await MosquittoBroker.StartAsync();
        var firstInbox = new Inbox();
        MqttClient subscriber = await Clients.StartedAsync(Clients.Options(broker, "sleeper", subscriptions: [new MqttSubscription("q/#")]), firstInbox, _logger);
        await subscriber.StopAsync();
        await subscriber.DisposeAsync();

        await using MqttClient publisher = await Clients.StartedAsync(Clients.Options(broker, "waker"), new Inbox(), _logger);
        for (int i = 0; i < 10; i++)
        {
            await publisher.PublishAsync(new MqttApplicationMessage("q/n", Clients.Utf8(i.ToString()), MqttQualityOfService.AtLeastOnce));
        }

        // Same client id, no subscriptions of its own: whatever arrives comes from the kept session.
        var inbox = new Inbox();
        await using MqttClient back = await Clients.StartedAsync(Clients.Options(broker, "sleeper"), inbox, _logger);
        var received = new List<string>();
        for (int i = 0; i < 10; i++)
        {
            received.Add(Clients.Text(await inbox.NextAsync()));
        }

        Assert.Equal(Enumerable.Range(0, 10).Select(i => i.ToString()), received);
    }

    [Fact]
    public async Task Publishes_in_flight_while_the_broker_stops_and_restarts_all_complete_and_all_arrive()
    {
        await using MosquittoBroker broker = await MosquittoBroker.StartAsync();
        var inbox = new Inbox();
        await using MqttClient subscriber = await Clients.StartedAsync(Clients.Options(broker, "sink", subscriptions: [new MqttSubscription("p/#")]), inbox, _logger);
        await using MqttClient publisher = await Clients.StartedAsync(Clients.Options(broker, "source"), new Inbox(), _logger);

        for (int i = 0; i < 20; i++)
        {
            await publisher.PublishAsync(new MqttApplicationMessage("p/n", Clients.Utf8(i.ToString()), MqttQualityOfService.AtLeastOnce));
        }

        await broker.StopAsync();
        // Published while the broker is down: more than MaximumInFlight would allow at once is not needed here,
        // these stay in flight (unsent) until the restart.
        var pending = Enumerable.Range(20, 40)
            .Select(i => publisher.PublishAsync(new MqttApplicationMessage("p/n", Clients.Utf8(i.ToString()), MqttQualityOfService.AtLeastOnce)))
            .ToList();
        await Clients.StateAsync(publisher, state => !state.IsConnected);
        Assert.All(pending, task => Assert.False(task.IsCompleted));

        await broker.RestartAsync();
        await Task.WhenAll(pending).WaitAsync(Patience.VeryLong);

        var seen = new HashSet<string>();
        while (seen.Count < 60)
        {
            seen.Add(Clients.Text(await inbox.NextAsync()));
        }

        Assert.Equal(Enumerable.Range(0, 60).Select(i => i.ToString()).ToHashSet(), seen);
        Assert.Equal(0, publisher.InFlightCount);
    }

    [Fact]
    public async Task A_killed_broker_loses_nothing_that_was_still_in_flight()
    {
        // SIGKILL saves nothing; autosave every second keeps the subscriber's session on disk beforehand.
        await using MosquittoBroker broker = await MosquittoBroker.StartAsync("autosave_interval 1");
        var inbox = new Inbox();
        await using MqttClient subscriber = await Clients.StartedAsync(Clients.Options(broker, "sink", subscriptions: [new MqttSubscription("k/#")]), inbox, _logger);
        DateTime connectedAt = DateTime.UtcNow;
        string database = Path.Combine(broker.DirectoryPath, "mosquitto.db");
        var saved = System.Diagnostics.Stopwatch.StartNew();
        while (!(File.Exists(database) && File.GetLastWriteTimeUtc(database) > connectedAt.AddMilliseconds(100)))
        {
            Assert.True(saved.Elapsed < Patience.Long, "mosquitto never autosaved its session");
            await Task.Delay(100);
        }

        await using MqttClient publisher = await Clients.StartedAsync(Clients.Options(broker, "source"), new Inbox(), _logger);
        await broker.KillAsync();
        await Clients.StateAsync(publisher, state => !state.IsConnected);
        var pending = Enumerable.Range(0, 30)
            .Select(i => publisher.PublishAsync(new MqttApplicationMessage("k/n", Clients.Utf8(i.ToString()), MqttQualityOfService.AtLeastOnce)))
            .ToList();

        await broker.RestartAsync();
        await Task.WhenAll(pending).WaitAsync(Patience.VeryLong);

        var seen = new HashSet<string>();
        while (seen.Count < 30)
        {
            seen.Add(Clients.Text(await inbox.NextAsync()));
        }

        Assert.Equal(Enumerable.Range(0, 30).Select(i => i.ToString()).ToHashSet(), seen);
    }

    [Fact]
    public async Task More_publishes_than_maximum_in_flight_wait_for_slots_and_all_complete()
    {
        await using MosquittoBroker broker = await MosquittoBroker.StartAsync();
        var options = new MqttClientOptions
        {
            Host = broker.Host, Port = broker.Port, ClientId = "narrow", MaximumInFlight = 2,
            ReconnectMinimumDelay = TimeSpan.FromMilliseconds(100), ReconnectMaximumDelay = TimeSpan.FromSeconds(1),
        };
        await using MqttClient publisher = await Clients.StartedAsync(options, new Inbox(), _logger);
        var tasks = Enumerable.Range(0, 50)
            .Select(i => publisher.PublishAsync(new MqttApplicationMessage("w/n", Clients.Utf8(i.ToString()), MqttQualityOfService.AtLeastOnce)))
            .ToList();
        await Task.WhenAll(tasks).WaitAsync(Patience.Long);
        Assert.Equal(0, publisher.InFlightCount);
    }
}

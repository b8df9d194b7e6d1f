using System.Text;
using EdgeNode.Fleet.Broker.Session;
using EdgeNode.MqttLink;
using EdgeNode.TestSupport;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace EdgeNode.Fleet.Tests.Broker.Session;

/// <summary>The fleet's one MQTT session against a real Mosquitto: routing by filter, publishing, and its start order.</summary>
public sealed class FleetMqttSessionTests : IAsyncLifetime
{
    private MosquittoBroker _broker = null!;

    public async Task InitializeAsync() => _broker = await MosquittoBroker.StartAsync();

    public async Task DisposeAsync() => await _broker.DisposeAsync();

    [Fact]
    public async Task Each_message_reaches_the_subscriber_whose_filter_took_it_whether_it_subscribed_before_or_after_the_start()
    {
        await using FleetMqttSession session = Session();
        var ups = new MessageInbox();
        var configs = new MessageInbox();
        await session.SubscribeAsync("$share/fleet/edge/+/up/#", MqttQualityOfService.AtLeastOnce, ups.Handle, default);
        await StartAsync(session);
        await session.SubscribeAsync("edge/+/down/config", MqttQualityOfService.AtLeastOnce, configs.Handle, default);
        await using MqttClient node = await ConnectAsync("lamp-1");

        await node.PublishAsync(new MqttApplicationMessage("edge/lamp-1/down/config", Encoding.UTF8.GetBytes("config"), MqttQualityOfService.AtLeastOnce));
        await node.PublishAsync(new MqttApplicationMessage("edge/lamp-1/up/batch", Encoding.UTF8.GetBytes("batch"), MqttQualityOfService.AtLeastOnce));

        MqttApplicationMessage up = await ups.NextAsync();
        MqttApplicationMessage config = await configs.NextAsync();
        Assert.Equal(("edge/lamp-1/up/batch", "batch"), (up.Topic, MessageInbox.Text(up)));
        Assert.Equal(("edge/lamp-1/down/config", "config"), (config.Topic, MessageInbox.Text(config)));
    }

    [Fact]
    public async Task A_publish_made_before_the_session_starts_waits_for_it_and_reaches_the_broker()
    {
        var inbox = new MessageInbox();
        await using MqttClient node = await ConnectAsync("lamp-2", inbox, "edge/lamp-2/down/#");
        await using FleetMqttSession session = Session();

        Task publishing = session.PublishAsync("edge/lamp-2/down/ack", Encoding.UTF8.GetBytes("ack"), MqttQualityOfService.AtLeastOnce, retain: false, default);
        Assert.False(publishing.IsCompleted);
        await StartAsync(session);
        await publishing.WaitAsync(MessageInbox.Patience);

        MqttApplicationMessage down = await inbox.NextAsync();
        Assert.Equal(("edge/lamp-2/down/ack", "ack"), (down.Topic, MessageInbox.Text(down)));
    }

    [Fact]
    public async Task What_the_broker_kept_while_the_fleet_was_stopped_reaches_a_subscriber_of_the_next_start()
    {
        const string clientId = "fleet.kept";
        await using (FleetMqttSession first = Session(clientId))
        {
            await first.SubscribeAsync("$share/fleet/edge/+/up/#", MqttQualityOfService.AtLeastOnce, new MessageInbox().Handle, default);
            await StartAsync(first);
            await WaitUntilConnectedAsync(first);
            await ((IHostedLifecycleService)first).StoppingAsync(default);
        }
        await using (MqttClient node = await ConnectAsync("lamp-3"))
        {
            await node.PublishAsync(new MqttApplicationMessage("edge/lamp-3/up/batch", Encoding.UTF8.GetBytes("while stopped"), MqttQualityOfService.AtLeastOnce));
        }

        await using FleetMqttSession second = Session(clientId);
        var inbox = new MessageInbox();
        await second.SubscribeAsync("$share/fleet/edge/+/up/#", MqttQualityOfService.AtLeastOnce, inbox.Handle, default);
        await StartAsync(second);

        MqttApplicationMessage kept = await inbox.NextAsync();
        Assert.Equal(("edge/lamp-3/up/batch", "while stopped"), (kept.Topic, MessageInbox.Text(kept)));
    }

    [Fact]
    public async Task Without_a_broker_configured_publishing_says_which_setting_to_set()
    {
        await using var session = new FleetMqttSession(Options.Create(new FleetBrokerOptions { Host = "" }), NullLoggerFactory.Instance);

        InvalidOperationException refused = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            session.PublishAsync("edge/lamp-4/down/config", new byte[] { 1 }, MqttQualityOfService.AtLeastOnce, retain: true, default));

        Assert.Contains("Fleet:Broker:Host", refused.Message, StringComparison.Ordinal);
        Assert.False(session.IsConfigured);
    }

    private FleetMqttSession Session(string clientId = "fleet.session-test") => new(
        Options.Create(new FleetBrokerOptions { Host = _broker.Host, Port = _broker.Port, ClientId = clientId }), NullLoggerFactory.Instance);

    private static async Task StartAsync(FleetMqttSession session)
    {
        IHostedLifecycleService lifecycle = session;
        await lifecycle.StartingAsync(default);
        await lifecycle.StartAsync(default);
        await lifecycle.StartedAsync(default);
    }

    private static async Task WaitUntilConnectedAsync(FleetMqttSession session)
    {
        using var patience = new CancellationTokenSource(MessageInbox.Patience);
        while (session.State is not { IsConnected: true })
        {
            await Task.Delay(20, patience.Token);
        }
    }

    private async Task<MqttClient> ConnectAsync(string nodeId, MessageInbox? inbox = null, string? filter = null)
    {
        var client = new MqttClient(new MqttClientOptions
        {
            Host = _broker.Host,
            Port = _broker.Port,
            ClientId = nodeId,
            CleanSession = true,
            Subscriptions = filter is null ? [] : [new MqttSubscription(filter, MqttQualityOfService.AtLeastOnce)],
        }, (inbox ?? new MessageInbox()).Handle);
        await client.StartAsync();
        using var patience = new CancellationTokenSource(MessageInbox.Patience);
        await client.WaitUntilConnectedAsync(patience.Token);
        return client;
    }
}

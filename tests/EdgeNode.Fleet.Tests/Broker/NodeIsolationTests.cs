using EdgeNode.MqttLink;
using EdgeNode.Protocol.Topics;

namespace EdgeNode.Fleet.Tests.Broker;

/// <summary>Node A's credential reaches A's branch of the topic tree and nothing else; the fleet account reaches all.</summary>
public sealed class NodeIsolationTests
{
    private const string Fleet = "fleet.ingest";

    private static MqttApplicationMessage Message(string topic, string text) =>
        new(topic, System.Text.Encoding.UTF8.GetBytes(text), MqttQualityOfService.AtLeastOnce);

    [Fact]
    public async Task A_publishes_to_its_own_up_and_status_but_its_publishes_to_b_never_arrive()
    {
        await using AccountBroker broker = await AccountBroker.StartAsync();
        await broker.Accounts.CreateNodeAsync("a", "pw-a");
        await broker.Accounts.CreateNodeAsync("b", "pw-b");
        await broker.Accounts.CreateFleetAccountAsync(Fleet, "pw-fleet");
        var fleetInbox = new MessageInbox();
        await using MqttClient fleet = await broker.ConnectedAsync(broker.ClientOptions("fleet-x", Fleet, "pw-fleet", $"$share/fleet/{EdgeTopics.AllUp}", EdgeTopics.AllStatus), fleetInbox);
        await using MqttClient a = await broker.ConnectedAsync(broker.ClientOptions("a", "a", "pw-a"), new MessageInbox());

        // MQTT 5: Mosquitto refuses a forbidden QoS 1 publish with PUBACK 0x87 (it drops it, and now says so). The
        // proof that nothing got through is still that A's allowed message, sent after, arrives with nothing of B's before it.
        await RefusedAsync(a, Message(EdgeTopics.Up("b", UpChannel.Batch), "forged"));
        await RefusedAsync(a, Message(EdgeTopics.Status("b"), "forged"));
        await a.PublishAsync(Message(EdgeTopics.Up("a", UpChannel.Batch), "mine"));
        Assert.Empty(await fleetInbox.TopicsBeforeAsync(EdgeTopics.Up("a", UpChannel.Batch)));

        await RefusedAsync(a, Message("elsewhere/entirely", "forged"));
        await a.PublishAsync(Message(EdgeTopics.Status("a"), "online"));
        Assert.Empty(await fleetInbox.TopicsBeforeAsync(EdgeTopics.Status("a")));
    }

    [Theory]
    [InlineData("edge/b/down/#")]
    [InlineData("edge/b/down/config")]
    [InlineData("edge/+/down/#")]
    [InlineData("#")]
    [InlineData("edge/b/up/#")]
    [InlineData("$share/x/edge/b/down/#")]
    public async Task A_cannot_subscribe_beyond_its_own_down(string filter)
    {
        await using AccountBroker broker = await AccountBroker.StartAsync();
        await broker.Accounts.CreateNodeAsync("a", "pw-a");
        await using MqttClient a = await broker.ConnectedAsync(broker.ClientOptions("a", "a", "pw-a"), new MessageInbox());

        MqttSubscriptionRefusedException refused = await Assert.ThrowsAsync<MqttSubscriptionRefusedException>(() => a.SubscribeAsync([new MqttSubscription(filter)]));
        Assert.Equal([filter], refused.RefusedFilters);
        await a.SubscribeAsync([new MqttSubscription(EdgeTopics.AllDown("a"))]);
    }

    [Fact]
    public async Task A_receives_its_own_down_messages_and_not_bs_even_retained()
    {
        await using AccountBroker broker = await AccountBroker.StartAsync();
        await broker.Accounts.CreateNodeAsync("a", "pw-a");
        await broker.Accounts.CreateNodeAsync("b", "pw-b");
        await broker.Accounts.CreateFleetAccountAsync(Fleet, "pw-fleet");
        await using MqttClient fleet = await broker.ConnectedAsync(broker.ClientOptions("fleet-x", Fleet, "pw-fleet"), new MessageInbox());
        await fleet.PublishAsync(Message(EdgeTopics.Down("b", DownChannel.Config), "b's config") with { Retain = true });
        await fleet.PublishAsync(Message(EdgeTopics.Down("a", DownChannel.Config), "a's config") with { Retain = true });

        var aInbox = new MessageInbox();
        await using MqttClient a = await broker.ConnectedAsync(broker.ClientOptions("a", "a", "pw-a", EdgeTopics.AllDown("a")), aInbox);
        MqttApplicationMessage retained = await aInbox.NextAsync();
        Assert.Equal(EdgeTopics.Down("a", DownChannel.Config), retained.Topic);
        Assert.Equal("a's config", MessageInbox.Text(retained));

        await fleet.PublishAsync(Message(EdgeTopics.Down("b", DownChannel.Ack), "b's ack"));
        await fleet.PublishAsync(Message(EdgeTopics.Down("a", DownChannel.Ack), "a's ack"));
        Assert.Empty(await aInbox.TopicsBeforeAsync(EdgeTopics.Down("a", DownChannel.Ack)));
    }

    [Fact]
    public async Task The_fleet_account_reads_every_nodes_up_and_status_and_writes_every_nodes_down()
    {
        await using AccountBroker broker = await AccountBroker.StartAsync();
        await broker.Accounts.CreateNodeAsync("a", "pw-a");
        await broker.Accounts.CreateNodeAsync("b", "pw-b");
        await broker.Accounts.CreateFleetAccountAsync(Fleet, "pw-fleet");
        var fleetInbox = new MessageInbox();
        await using MqttClient fleet = await broker.ConnectedAsync(broker.ClientOptions("fleet-x", Fleet, "pw-fleet", $"$share/fleet/{EdgeTopics.AllUp}", EdgeTopics.AllStatus), fleetInbox);
        var aInbox = new MessageInbox();
        var bInbox = new MessageInbox();
        await using MqttClient a = await broker.ConnectedAsync(broker.ClientOptions("a", "a", "pw-a", EdgeTopics.AllDown("a")), aInbox);
        await using MqttClient b = await broker.ConnectedAsync(broker.ClientOptions("b", "b", "pw-b", EdgeTopics.AllDown("b")), bInbox);

        await a.PublishAsync(Message(EdgeTopics.Up("a", UpChannel.Batch), "a"));
        await b.PublishAsync(Message(EdgeTopics.Up("b", UpChannel.Health), "b"));
        await b.PublishAsync(Message(EdgeTopics.Status("b"), "online"));
        var received = new HashSet<string> { (await fleetInbox.NextAsync()).Topic, (await fleetInbox.NextAsync()).Topic, (await fleetInbox.NextAsync()).Topic };
        Assert.Equal([EdgeTopics.Up("a", UpChannel.Batch), EdgeTopics.Up("b", UpChannel.Health), EdgeTopics.Status("b")], received);

        await fleet.PublishAsync(Message(EdgeTopics.Down("a", DownChannel.Ack), "for a"));
        await fleet.PublishAsync(Message(EdgeTopics.Down("b", DownChannel.Update), "for b"));
        Assert.Equal("for a", MessageInbox.Text(await aInbox.NextAsync()));
        Assert.Equal("for b", MessageInbox.Text(await bInbox.NextAsync()));
    }

    [Fact]
    public async Task The_fleet_account_cannot_speak_for_a_node_nor_subscribe_to_everything()
    {
        await using AccountBroker broker = await AccountBroker.StartAsync();
        await broker.Accounts.CreateNodeAsync("a", "pw-a");
        await broker.Accounts.CreateFleetAccountAsync(Fleet, "pw-fleet");
        var fleetInbox = new MessageInbox();
        await using MqttClient fleet = await broker.ConnectedAsync(broker.ClientOptions("fleet-x", Fleet, "pw-fleet", EdgeTopics.AllUp), fleetInbox);
        await using MqttClient a = await broker.ConnectedAsync(broker.ClientOptions("a", "a", "pw-a"), new MessageInbox());

        await RefusedAsync(fleet, Message(EdgeTopics.Up("a", UpChannel.Batch), "forged by the fleet"));
        await a.PublishAsync(Message(EdgeTopics.Up("a", UpChannel.Health), "a's own"));
        Assert.Empty(await fleetInbox.TopicsBeforeAsync(EdgeTopics.Up("a", UpChannel.Health)));

        await Assert.ThrowsAsync<MqttSubscriptionRefusedException>(() => fleet.SubscribeAsync([new MqttSubscription("#")]));
        await Assert.ThrowsAsync<MqttSubscriptionRefusedException>(() => fleet.SubscribeAsync([new MqttSubscription(BrokerRolesControl)]));
    }

    private static async Task RefusedAsync(MqttClient client, MqttApplicationMessage message)
    {
        MqttPublishRefusedException refused = await Assert.ThrowsAsync<MqttPublishRefusedException>(() => client.PublishAsync(message));
        Assert.Equal("NotAuthorized", refused.ReasonCode);
    }

    private const string BrokerRolesControl = "$CONTROL/dynamic-security/#";
}

using EdgeNode.MqttLink;
using EdgeNode.Protocol.Topics;

namespace EdgeNode.Fleet.Tests.Broker;

/// <summary>Disabling, deleting or re-passwording a node takes effect at the broker at once, connected or not.</summary>
public sealed class RevocationTests
{
    [Fact]
    public async Task Disabling_a_connected_node_cuts_it_off_and_refuses_its_reconnects_until_enabled()
    {
        await using AccountBroker broker = await AccountBroker.StartAsync();
        await broker.Accounts.CreateNodeAsync("a", "pw-a");
        await using MqttClient a = await broker.ConnectedAsync(broker.ClientOptions("a", "a", "pw-a"), new MessageInbox());

        await broker.Accounts.DisableNodeAsync("a");
        // The same client keeps trying to reconnect; each try is refused.
        MqttConnectionState state = await AccountBroker.StateAsync(a, s => !s.IsConnected && s.LastFailure == MqttConnectionFailure.NotAuthorised);
        Assert.False(state.IsConnected);
        Assert.Equal(MqttConnectionFailure.NotAuthorised, (await broker.RefusedAsync(broker.ClientOptions("a", "a", "pw-a"))).LastFailure);

        await broker.Accounts.EnableNodeAsync("a");
        Assert.True((await AccountBroker.StateAsync(a, s => s.IsConnected)).IsConnected);
    }

    [Fact]
    public async Task Deleting_a_connected_node_cuts_it_off_and_refuses_its_reconnects()
    {
        await using AccountBroker broker = await AccountBroker.StartAsync();
        await broker.Accounts.CreateNodeAsync("a", "pw-a");
        await using MqttClient a = await broker.ConnectedAsync(broker.ClientOptions("a", "a", "pw-a", EdgeTopics.AllDown("a")), new MessageInbox());

        await broker.Accounts.DeleteNodeAsync("a");
        await AccountBroker.StateAsync(a, s => !s.IsConnected && s.LastFailure == MqttConnectionFailure.NotAuthorised);
        Assert.Equal(MqttConnectionFailure.NotAuthorised, (await broker.RefusedAsync(broker.ClientOptions("a", "a", "pw-a"))).LastFailure);
        Assert.Null(await broker.Accounts.FindClientAsync("a"));

        // The id is free again: enrolling it afresh works (its role went with it).
        await broker.Accounts.CreateNodeAsync("a", "pw-a2");
        await using MqttClient again = await broker.ConnectedAsync(broker.ClientOptions("a", "a", "pw-a2"), new MessageInbox());
    }

    [Fact]
    public async Task Rotation_refuses_the_old_password_and_accepts_the_new()
    {
        await using AccountBroker broker = await AccountBroker.StartAsync();
        await broker.Accounts.CreateNodeAsync("a", "old");
        await using MqttClient connected = await broker.ConnectedAsync(broker.ClientOptions("a", "a", "old"), new MessageInbox());

        await broker.Accounts.SetNodePasswordAsync("a", "new");
        // A connection made with the old password is closed too, and cannot come back with it.
        await AccountBroker.StateAsync(connected, s => !s.IsConnected && s.LastFailure == MqttConnectionFailure.NotAuthorised);
        await connected.StopAsync();
        Assert.Equal(MqttConnectionFailure.NotAuthorised, (await broker.RefusedAsync(broker.ClientOptions("a", "a", "old"))).LastFailure);
        await using MqttClient renewed = await broker.ConnectedAsync(broker.ClientOptions("a", "a", "new"), new MessageInbox());
        Assert.True(renewed.State.IsConnected);
    }
}

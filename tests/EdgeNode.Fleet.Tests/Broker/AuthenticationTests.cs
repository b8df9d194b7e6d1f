using EdgeNode.MqttLink;

namespace EdgeNode.Fleet.Tests.Broker;

/// <summary>Who may connect at all. Mosquitto 2.0 answers every refusal with CONNACK 0x87 (NotAuthorized) on MQTT 5, as it did with 0x05 on MQTT 3.1.1.</summary>
public sealed class AuthenticationTests
{
    [Fact]
    public async Task A_node_connects_with_its_own_id_and_credential()
    {
        await using AccountBroker broker = await AccountBroker.StartAsync();
        await broker.Accounts.CreateNodeAsync("a", "pw-a");
        await using MqttClient a = await broker.ConnectedAsync(broker.ClientOptions("a", "a", "pw-a"), new MessageInbox());
        Assert.True(a.State.IsConnected);
    }

    [Theory]
    [InlineData("b", "a", "pw-a")]        // A's credential under B's client id
    [InlineData("a-2", "a", "pw-a")]      // ... or any other client id
    [InlineData("a", "a", "wrong")]       // wrong password
    [InlineData("c", "c", "pw-a")]        // unknown user
    [InlineData("a", null, null)]         // anonymous
    public async Task Refused(string clientId, string? username, string? password)
    {
        await using AccountBroker broker = await AccountBroker.StartAsync();
        await broker.Accounts.CreateNodeAsync("a", "pw-a");
        await broker.Accounts.CreateNodeAsync("b", "pw-b");

        MqttConnectionState state = await broker.RefusedAsync(broker.ClientOptions(clientId, username, password));
        Assert.Equal(MqttConnectionFailure.NotAuthorised, state.LastFailure);
    }

    [Fact]
    public async Task A_node_cannot_take_over_another_nodes_session_with_its_own_credential()
    {
        await using AccountBroker broker = await AccountBroker.StartAsync();
        await broker.Accounts.CreateNodeAsync("a", "pw-a");
        await broker.Accounts.CreateNodeAsync("b", "pw-b");
        await using MqttClient b = await broker.ConnectedAsync(broker.ClientOptions("b", "b", "pw-b"), new MessageInbox());
        bool bLost = false;
        b.StateChanged += state => bLost |= !state.IsConnected;

        MqttConnectionState state = await broker.RefusedAsync(broker.ClientOptions("b", "a", "pw-a"));
        Assert.Equal(MqttConnectionFailure.NotAuthorised, state.LastFailure);
        // B's connection was never replaced: it still publishes and is still the one connected.
        await b.PublishAsync(new MqttApplicationMessage("edge/b/status", "online"u8.ToArray(), MqttQualityOfService.AtLeastOnce));
        Assert.False(bLost);
        Assert.True(b.State.IsConnected);
    }

    /// <summary>
    /// Mosquitto 2.0 hands a client id's session to whoever next connects with it, whatever the user name. A node's id is
    /// pinned to its own name, so it can take over only a client id equal to a node id. This is why the fleet's own client
    /// ids must stay outside the node-id alphabet (a '.', as in "fleet.admin"): here a fleet instance using "fleet-1",
    /// a valid node id, is thrown off by a node enrolled under that id.
    /// </summary>
    [Fact]
    public async Task A_fleet_client_id_that_is_a_valid_node_id_can_be_taken_over_by_that_node()
    {
        await using AccountBroker broker = await AccountBroker.StartAsync();
        await broker.Accounts.CreateFleetAccountAsync("fleet.ingest", "pw-fleet");
        await broker.Accounts.CreateNodeAsync("fleet-1", "pw-node");
        await using MqttClient fleet = await broker.ConnectedAsync(broker.ClientOptions("fleet-1", "fleet.ingest", "pw-fleet"), new MessageInbox());

        await using MqttClient node = await broker.ConnectedAsync(broker.ClientOptions("fleet-1", "fleet-1", "pw-node"), new MessageInbox());
        MqttConnectionState thrownOff = await AccountBroker.StateAsync(fleet, s => !s.IsConnected);
        Assert.Equal(MqttConnectionFailure.ConnectionLost, thrownOff.LastFailure);
    }
}

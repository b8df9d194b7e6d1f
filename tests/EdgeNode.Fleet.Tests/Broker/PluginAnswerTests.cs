using EdgeNode.Fleet.Broker.Accounts;
using EdgeNode.MqttLink;
using EdgeNode.TestSupport;

namespace EdgeNode.Fleet.Tests.Broker;

/// <summary>What the caller sees when the plugin says no, or says nothing.</summary>
public sealed class PluginAnswerTests
{
    [Fact]
    public async Task Enrolling_a_node_twice_is_refused_with_the_plugins_words()
    {
        await using AccountBroker broker = await AccountBroker.StartAsync();
        await broker.Accounts.CreateNodeAsync("a", "pw-a");

        BrokerCommandRefusedException refused = await Assert.ThrowsAsync<BrokerCommandRefusedException>(() => broker.Accounts.CreateNodeAsync("a", "other"));
        Assert.Equal("Client already exists", refused.PluginError);
        Assert.Contains("'a': Client already exists", refused.Message, StringComparison.Ordinal);
        // The first enrolment is untouched.
        await using MqttClient a = await broker.ConnectedAsync(broker.ClientOptions("a", "a", "pw-a"), new MessageInbox());
    }

    [Fact]
    public async Task Operations_on_an_unknown_node_are_refused_with_the_plugins_words()
    {
        await using AccountBroker broker = await AccountBroker.StartAsync();
        foreach (Func<Task> operation in new Func<Task>[]
        {
            () => broker.Accounts.DisableNodeAsync("ghost"),
            () => broker.Accounts.EnableNodeAsync("ghost"),
            () => broker.Accounts.SetNodePasswordAsync("ghost", "pw"),
            () => broker.Accounts.DeleteNodeAsync("ghost"),
        })
        {
            BrokerCommandRefusedException refused = await Assert.ThrowsAsync<BrokerCommandRefusedException>(operation);
            Assert.Equal("ghost", refused.Subject);
            Assert.Equal("Client not found", refused.PluginError);
        }
    }

    [Fact]
    public async Task A_fleet_account_name_taken_by_the_admin_is_refused()
    {
        await using AccountBroker broker = await AccountBroker.StartAsync();
        BrokerCommandRefusedException refused = await Assert.ThrowsAsync<BrokerCommandRefusedException>(() => broker.Accounts.CreateFleetAccountAsync(BrokerCredential.AdminUsername, "pw"));
        Assert.Equal("Client already exists", refused.PluginError);
    }

    [Fact]
    public async Task A_broker_without_the_plugin_never_answers_and_the_wait_ends_with_a_clear_timeout()
    {
        // Anonymous and without the plugin: the admin "logs in", but nobody listens on $CONTROL.
        await using MosquittoBroker broker = await MosquittoBroker.StartAsync();
        await using var accounts = new BrokerAccounts(new BrokerAccountsOptions
        {
            Host = broker.Host,
            Port = broker.Port,
            Admin = BrokerCredential.NewAdmin(),
            Timeout = TimeSpan.FromSeconds(2),
        });
        await accounts.StartAsync();

        TimeoutException timeout = await Assert.ThrowsAsync<TimeoutException>(() => accounts.CreateNodeAsync("a", "pw"));
        Assert.Contains("did not answer createRole, createClient", timeout.Message, StringComparison.Ordinal);
        Assert.Contains("loads the plugin", timeout.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_admin_credential_fails_the_start_with_the_reason()
    {
        await using AccountBroker broker = await AccountBroker.StartAsync();
        await using var impostor = new BrokerAccounts(new BrokerAccountsOptions
        {
            Host = broker.Mosquitto.Host,
            Port = broker.Mosquitto.Port,
            Admin = BrokerCredential.NewAdmin(),
            ClientId = "fleet.admin-2",
            Timeout = TimeSpan.FromSeconds(3),
        });
        TimeoutException failed = await Assert.ThrowsAsync<TimeoutException>(() => impostor.StartAsync());
        Assert.Contains("NotAuthorised", failed.Message, StringComparison.Ordinal);
    }
}

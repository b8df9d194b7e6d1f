using EdgeNode.Fleet.Broker.Accounts;

namespace EdgeNode.Fleet.Tests.Broker;

/// <summary>What the plugin says about the accounts it holds: who, and whether each is disabled (for reconciliation).</summary>
public sealed class ClientListingTests
{
    [Fact]
    public async Task Each_client_is_listed_with_whether_it_is_disabled()
    {
        await using AccountBroker broker = await AccountBroker.StartAsync();
        await broker.Accounts.CreateNodeAsync("a", "pw-a");
        await broker.Accounts.CreateNodeAsync("b", "pw-b");
        await broker.Accounts.CreateFleetAccountAsync("fleet.ingest", "pw-f");
        await broker.Accounts.DisableNodeAsync("b");
        // Disabled then enabled again: the plugin must report it enabled, not keep a trace of the past.
        await broker.Accounts.DisableNodeAsync("a");
        await broker.Accounts.EnableNodeAsync("a");

        IReadOnlyList<BrokerClient> clients = await broker.Accounts.ListClientsAsync();

        Assert.Equal(
            [new BrokerClient("a", false), new BrokerClient("b", true), new BrokerClient(BrokerCredential.AdminUsername, false), new BrokerClient("fleet.ingest", false)],
            clients.OrderBy(client => client.Username, StringComparer.Ordinal));
    }

    [Fact]
    public async Task One_client_is_found_with_its_state_and_an_unknown_one_is_null()
    {
        await using AccountBroker broker = await AccountBroker.StartAsync();
        await broker.Accounts.CreateNodeAsync("a", "pw-a");
        await broker.Accounts.DisableNodeAsync("a");

        Assert.Equal(new BrokerClient("a", true), await broker.Accounts.FindClientAsync("a"));
        await broker.Accounts.EnableNodeAsync("a");
        Assert.Equal(new BrokerClient("a", false), await broker.Accounts.FindClientAsync("a"));
        Assert.Null(await broker.Accounts.FindClientAsync("ghost"));
    }

    [Fact]
    public async Task More_clients_than_a_page_are_all_listed()
    {
        await using AccountBroker broker = await AccountBroker.StartAsync();
        string[] nodes = ["n1", "n2", "n3", "n4", "n5"];
        foreach (string node in nodes)
        {
            await broker.Accounts.CreateNodeAsync(node, "pw");
        }
        await using var paged = new BrokerAccounts(new BrokerAccountsOptions
        {
            Host = broker.Mosquitto.Host,
            Port = broker.Mosquitto.Port,
            Admin = broker.Admin,
            ClientId = "fleet.admin-paged",
            Timeout = MessageInbox.Patience,
            ListPageSize = 4,
        });
        await paged.StartAsync();

        IReadOnlyList<BrokerClient> clients = await paged.ListClientsAsync();

        Assert.Equal([BrokerCredential.AdminUsername, .. nodes], clients.Select(client => client.Username).Order(StringComparer.Ordinal));
    }
}

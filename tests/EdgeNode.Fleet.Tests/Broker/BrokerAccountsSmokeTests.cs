using EdgeNode.Fleet.Broker.Accounts;

namespace EdgeNode.Fleet.Tests.Broker;

public sealed class BrokerAccountsSmokeTests
{
    [Fact]
    public async Task A_created_node_is_listed()
    {
        await using var broker = await AccountBroker.StartAsync();
        await broker.Accounts.CreateNodeAsync("node-a", "secret-a");
        var names = await broker.Accounts.ListUsernamesAsync();
        Assert.Contains("node-a", names);
        Assert.Contains(BrokerCredential.AdminUsername, names);
    }
}

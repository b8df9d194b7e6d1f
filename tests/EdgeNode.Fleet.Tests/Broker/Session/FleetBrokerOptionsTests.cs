using EdgeNode.Fleet.Broker.Session;

namespace EdgeNode.Fleet.Tests.Broker.Session;

public sealed class FleetBrokerOptionsTests
{
    [Fact]
    public void The_default_client_id_can_never_be_a_nodes() => Assert.Null(new FleetBrokerOptions().Problem());

    [Fact]
    public void A_client_id_a_node_could_use_is_refused_with_the_setting_named()
    {
        string? problem = new FleetBrokerOptions { ClientId = "fleet-1" }.Problem();

        Assert.NotNull(problem);
        Assert.Contains("Fleet:Broker:ClientId 'fleet-1'", problem, StringComparison.Ordinal);
    }
}

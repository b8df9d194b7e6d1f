using EdgeNode.Fleet.Monitoring;
using EdgeNode.Protocol.Messages;
using static EdgeNode.Fleet.Tests.Monitoring.Observations;

namespace EdgeNode.Fleet.Tests.Monitoring;

public sealed class OverviewTableTests
{
    private static readonly IReadOnlyList<NodeState> Nodes = FleetStatusClassifier.Classify(
    [
        Observe(Report(id: "n-a", firmware: "1.10.0", at: Now.AddMinutes(-1)), node: Node("n-a", "Mairie", "Foix") with { LampPostId = "LP-3" }, id: "n-a"),
        Observe(Report(id: "n-b", firmware: "1.9.0", sensors: Sensor("sds011", WireFault.Stuck)), node: Node("n-b", "École", "Ax-les-Thermes") with { LampPostId = "LP-1" }, id: "n-b"),
        new NodeObservation("n-c", Node("n-c", "Église", "Saint-Girons") with { LampPostId = "LP-2" }, null, false, null, null),
    ], new MonitoringOptions(), Now).Nodes;

    private static string[] Ids(FleetTableQuery query) => [.. query.Apply(Nodes).Select(node => node.NodeId)];

    [Fact]
    public void By_default_the_most_urgent_come_first()
    {
        Assert.Equal(["n-c", "n-b", "n-a"], Ids(FleetTableQuery.From(null, null, null, null)));
    }

    [Theory]
    [InlineData("name", "asc", new[] { "n-b", "n-c", "n-a" })]             // École, Église, Mairie: accents folded
    [InlineData("name", "desc", new[] { "n-a", "n-c", "n-b" })]
    [InlineData("municipality", "asc", new[] { "n-b", "n-a", "n-c" })]
    [InlineData("lamppost", "asc", new[] { "n-b", "n-c", "n-a" })]
    [InlineData("lastseen", "desc", new[] { "n-a", "n-b", "n-c" })]        // never seen is the oldest
    [InlineData("firmware", "desc", new[] { "n-a", "n-b", "n-c" })]        // 1.10 above 1.9: numbers, not text
    [InlineData("nonsense", "asc", new[] { "n-c", "n-b", "n-a" })]         // unknown column: by status
    public void Every_column_sorts(string sort, string dir, string[] expected)
    {
        Assert.Equal(expected, Ids(FleetTableQuery.From(sort, dir, null, null)));
    }

    [Fact]
    public void Filters_by_status_and_by_text_without_accents_or_case()
    {
        Assert.Equal(["n-b"], Ids(FleetTableQuery.From(null, null, "sensor-fault", null)));
        Assert.Equal(["n-c"], Ids(FleetTableQuery.From(null, null, null, "EGLISE")));
        Assert.Equal(["n-a"], Ids(FleetTableQuery.From(null, null, null, "lp-3")));
        Assert.Equal(["n-a", "n-b", "n-c"], Ids(FleetTableQuery.From("name", "desc", "no-such-status", "")).Order());
    }

    [Fact]
    public void Links_keep_the_filters_and_change_what_they_say()
    {
        FleetTableQuery query = FleetTableQuery.From("name", "desc", "silent", "saint girons");

        Assert.Equal("?status=silent&q=saint%20girons&sort=lastseen", query.With(sort: "lastseen", descending: false));
        Assert.Equal("?sort=name&dir=desc", query.With(clearStatus: true, search: ""));
    }
}

namespace EdgeNode.Architecture.Tests;

/// <summary>
/// Which product project may reference which (DESIGN.md, "Layout"). A project not listed here fails the test: a new
/// room in the house gets its place in the plan, and in DESIGN.md, before it gets code.
/// </summary>
public sealed class ProjectRulesTests
{
    private static readonly Dictionary<string, string[]> Allowed = new(StringComparer.Ordinal)
    {
        // The node's rooms: device access knows no sensors; the wire contract, the MQTT layer and the release format
        // know nothing of ours.
        ["EdgeNode.Hardware"] = [],
        ["EdgeNode.Protocol"] = [],
        ["EdgeNode.MqttLink"] = [],
        ["EdgeNode.Releases"] = [],
        ["EdgeNode.Sensors"] = ["EdgeNode.Hardware"],
        ["EdgeNode.Daemon"] = ["EdgeNode.Hardware", "EdgeNode.Sensors", "EdgeNode.Protocol", "EdgeNode.MqttLink", "EdgeNode.Releases"],

        // The fleet: records and store interfaces at the bottom, the engines beside each other and blind to each
        // other, the broker and its one MQTT session apart from storage; the web host composes them all. Nothing of
        // the node's device access anywhere.
        ["EdgeNode.Fleet.Domain"] = ["EdgeNode.Protocol"],
        ["EdgeNode.Fleet.Storage"] = ["EdgeNode.Fleet.Domain"],
        ["EdgeNode.Fleet.Storage.Sqlite"] = ["EdgeNode.Fleet.Domain", "EdgeNode.Fleet.Storage"],
        ["EdgeNode.Fleet.Storage.Postgres"] = ["EdgeNode.Fleet.Domain", "EdgeNode.Fleet.Storage"],
        ["EdgeNode.Fleet.Broker"] = ["EdgeNode.Protocol", "EdgeNode.MqttLink"],
        ["EdgeNode.Fleet"] =
        [
            "EdgeNode.Protocol", "EdgeNode.MqttLink", "EdgeNode.Releases", "EdgeNode.Fleet.Domain", "EdgeNode.Fleet.Storage",
            "EdgeNode.Fleet.Storage.Sqlite", "EdgeNode.Fleet.Storage.Postgres", "EdgeNode.Fleet.Broker",
        ],
    };

    [Fact]
    public void Every_product_project_has_a_place_in_the_plan()
    {
        string[] unplanned = Repository.ProductProjects.Keys.Where(name => !Allowed.ContainsKey(name)).Order(StringComparer.Ordinal).ToArray();

        Assert.True(unplanned.Length == 0, $"Not in the plan (ProjectRulesTests.Allowed and DESIGN.md, Layout): {string.Join(", ", unplanned)}");
    }

    [Fact]
    public void Each_product_project_references_only_what_the_plan_allows()
    {
        List<string> broken = [];
        foreach ((string name, string directory) in Repository.ProductProjects)
        {
            if (!Allowed.TryGetValue(name, out string[]? allowed))
            {
                continue;
            }

            broken.AddRange(ProjectReferences.Of(directory).Except(allowed).Select(reference => $"{name} → {reference}"));
        }

        Assert.True(broken.Count == 0, $"References the plan forbids: {string.Join("; ", broken)}");
    }

    [Fact]
    public void The_plan_lists_the_projects_that_exist()
    {
        Assert.Contains("EdgeNode.Daemon", Repository.ProductProjects.Keys);
        Assert.Contains("EdgeNode.Fleet", Repository.ProductProjects.Keys);
        string[] vanished = Allowed.Keys.Where(name => !Repository.ProductProjects.ContainsKey(name)).ToArray();
        Assert.True(vanished.Length == 0, $"In the plan but not in the repository (remove or rename them in the plan): {string.Join(", ", vanished)}");
    }
}

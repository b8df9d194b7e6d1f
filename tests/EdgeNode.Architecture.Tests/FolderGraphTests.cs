namespace EdgeNode.Architecture.Tests;

/// <summary>The reading of sources the folder rule rests on: each way a dependency is written, and what is not one.</summary>
public sealed class FolderGraphTests
{
    [Fact]
    public void A_using_and_a_qualified_name_both_count_and_a_cycle_is_found_with_its_edges()
    {
        Dictionary<string, HashSet<string>> edges = FolderGraph.Build(
        [
            ("Uplink/Sender.cs", "using Acme.App.Alerts;\nnamespace Acme.App.Uplink;\nclass Sender {}"),
            ("Alerts/Alert.cs", "namespace Acme.App.Alerts;\nclass Alert {}"),
            ("Alerts/Rules/Rule.cs", "namespace Acme.App.Alerts.Rules;\nclass Rule { Acme.App.Uplink.Sender? s; }"),
            ("Status/Board.cs", "using Acme.App.Uplink;\nnamespace Acme.App.Status;\nclass Board {}"),
        ]);

        List<List<string>> cycles = Cycles.Find(edges);

        Assert.Equal([["Alerts", "Uplink"]], cycles);
        Assert.Equal("Alerts → Uplink, Uplink → Alerts", Cycles.Describe(edges, cycles[0]));
    }

    [Fact]
    public void Comments_strings_and_other_projects_are_not_dependencies_and_the_top_folder_is_one_like_the_others()
    {
        Dictionary<string, HashSet<string>> edges = FolderGraph.Build(
        [
            ("Sender.cs", "namespace Acme.App;\nclass Root {}"),
            ("Uplink/Sender.cs", "using Acme.App;\nusing Acme.Other.Alerts;\nnamespace Acme.App.Uplink;\n// see Acme.App.Alerts\nclass Sender { string c = \"Acme.App.Alerts\"; }"),
            ("Alerts/Alert.cs", "using Acme.App.Uplink;\nnamespace Acme.App.Alerts;\nclass Alert {}"),
        ]);

        Assert.Empty(Cycles.Find(edges));
        Assert.Equal([FolderGraph.Top], edges["Uplink"]);
    }
}

namespace EdgeNode.Architecture.Tests;

/// <summary>
/// The fleet's text catalogue (Localisation) knows none of the features whose words it holds: each feature picks its
/// key beside its own types (MonitoringText, StaffRoleText, EnrolmentProblemText), so that every feature may use the
/// catalogue without a cycle and a translation has one home (issue 16).
/// </summary>
public sealed class TextCatalogueRuleTests
{
    private static readonly string[] Features = ["Monitoring", "Registry", "Staff"];

    [Fact]
    public void The_fleet_catalogue_uses_no_feature_it_words()
    {
        string directory = Repository.ProductProjects["EdgeNode.Fleet"];
        Dictionary<string, HashSet<string>> edges = FolderGraph.Build(Repository.Sources(directory).Select(path => (Path.GetRelativePath(directory, path), File.ReadAllText(path))));

        Assert.True(edges.ContainsKey("Localisation"), "No Localisation folder found in EdgeNode.Fleet: the check would see nothing.");
        Assert.Empty(edges["Localisation"].Intersect(Features, StringComparer.Ordinal));
    }
}

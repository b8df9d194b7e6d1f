namespace EdgeNode.Architecture.Tests;

/// <summary>
/// Inside a project, folders depend on each other one way only: a folder that needs another's types sits above it,
/// never beside it both ways. A cycle means a concern has no single home (issue 16).
/// </summary>
public sealed class FolderCycleTests
{
    public static TheoryData<string> Projects() => new(Repository.ProductProjects.Keys.Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(Projects))]
    public void No_two_folders_of_a_project_depend_on_each_other(string project)
    {
        string directory = Repository.ProductProjects[project];
        Dictionary<string, HashSet<string>> edges = FolderGraph.Build(Repository.Sources(directory).Select(path => (Path.GetRelativePath(directory, path), File.ReadAllText(path))));

        List<List<string>> cycles = Cycles.Find(edges);

        Assert.True(cycles.Count == 0, $"{project} has folder cycles: {string.Join("; ", cycles.Select(cycle => Cycles.Describe(edges, cycle)))}");
    }
}

namespace EdgeNode.Architecture.Tests;

/// <summary>The checked-out repository the tests run from: its product projects and their sources.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    /// <summary>The projects that ship (firmware/ and fleet/), by name, with their directory.</summary>
    public static IReadOnlyDictionary<string, string> ProductProjects { get; } =
        new[] { "firmware", "fleet" }
            .SelectMany(top => Directory.EnumerateFiles(Path.Combine(Root, top), "*.csproj", SearchOption.AllDirectories))
            .Where(path => !path.Contains("/node_modules/", StringComparison.Ordinal))
            .ToDictionary(path => Path.GetFileNameWithoutExtension(path), path => Path.GetDirectoryName(path)!);

    /// <summary>A project's C# sources, outside bin/ and obj/.</summary>
    public static IEnumerable<string> Sources(string projectDirectory) =>
        Directory.EnumerateFiles(projectDirectory, "*.cs", SearchOption.AllDirectories)
            .Where(path => !Path.GetRelativePath(projectDirectory, path).Split('/').Any(segment => segment is "bin" or "obj" or "node_modules"));

    private static string FindRoot()
    {
        for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "EdgeNode.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No EdgeNode.sln above {AppContext.BaseDirectory}: the architecture tests read the sources of the repository they run in.");
    }
}

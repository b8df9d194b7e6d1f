using System.Text.RegularExpressions;

namespace EdgeNode.Architecture.Tests;

/// <summary>
/// Which top-level folder of a project uses which, read from its sources: a folder owns the namespaces its files
/// declare, and a file uses a folder when it names one of those namespaces (a <c>using</c>, a qualified name). Read
/// from paths and namespaces both, so that a project whose namespaces differ from its name (moved code keeps its
/// namespace) is checked all the same.
/// </summary>
internal static partial class FolderGraph
{
    /// <summary>The folder of files at a project's top (Program.cs and the like).</summary>
    public const string Top = "(top)";

    /// <summary>Edges folder → folders it uses, for a project's files (path relative to the project, and text).</summary>
    public static Dictionary<string, HashSet<string>> Build(IEnumerable<(string RelativePath, string Text)> files)
    {
        List<(string Folder, string Namespace, string Code)> parsed = [];
        foreach ((string path, string text) in files)
        {
            string code = Code(text);
            string declared = NamespaceDeclaration().Match(code) is { Success: true } match ? match.Groups["name"].Value : "";
            parsed.Add((FolderOf(path), declared, code));
        }

        // A namespace may be declared in several folders (rarely): using it depends on all of them.
        Dictionary<string, HashSet<string>> owners = parsed.Where(file => file.Namespace.Length > 0)
            .GroupBy(file => file.Namespace, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.Select(file => file.Folder).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);

        var edges = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach ((string folder, _, string code) in parsed)
        {
            HashSet<string> targets = edges.TryGetValue(folder, out HashSet<string>? existing) ? existing : edges[folder] = [];
            foreach (Match used in QualifiedName().Matches(code))
            {
                foreach (string owner in OwnersOf(used.Value, owners))
                {
                    if (owner != folder)
                    {
                        targets.Add(owner);
                    }
                }
            }
        }

        return edges;
    }

    private static string FolderOf(string relativePath)
    {
        string[] segments = relativePath.Replace('\\', '/').Split('/');
        return segments.Length > 1 ? segments[0] : Top;
    }

    /// <summary>The folders owning the longest declared namespace that <paramref name="name"/> is or starts with.</summary>
    private static IEnumerable<string> OwnersOf(string name, Dictionary<string, HashSet<string>> owners)
    {
        for (string candidate = name; candidate.Length > 0; candidate = candidate.LastIndexOf('.') is var dot and > 0 ? candidate[..dot] : "")
        {
            if (owners.TryGetValue(candidate, out HashSet<string>? folders))
            {
                return folders;
            }
        }

        return [];
    }

    // Comments and string literals (logger categories, messages) name namespaces without depending on them.
    private static string Code(string text) => Comment().Replace(StringLiteral().Replace(text, "\"\""), "");

    [GeneratedRegex(@"^\s*namespace\s+(?<name>[A-Za-z0-9_.]+)", RegexOptions.Multiline)]
    private static partial Regex NamespaceDeclaration();

    [GeneratedRegex(@"\b[A-Z][A-Za-z0-9_]*(\.[A-Z][A-Za-z0-9_]*)+")]
    private static partial Regex QualifiedName();

    [GeneratedRegex(@"//[^\n]*|/\*.*?\*/", RegexOptions.Singleline)]
    private static partial Regex Comment();

    [GeneratedRegex(@"""(?:[^""\\\n]|\\.)*""")]
    private static partial Regex StringLiteral();
}

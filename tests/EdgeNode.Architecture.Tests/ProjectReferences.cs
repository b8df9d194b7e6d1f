using System.Xml.Linq;

namespace EdgeNode.Architecture.Tests;

/// <summary>The ProjectReference items of a .csproj, as project names.</summary>
internal static class ProjectReferences
{
    public static IReadOnlySet<string> Of(string projectDirectory)
    {
        string file = Directory.GetFiles(projectDirectory, "*.csproj").Single();
        return XDocument.Load(file).Descendants("ProjectReference")
            .Select(reference => Path.GetFileNameWithoutExtension(reference.Attribute("Include")!.Value.Replace('\\', '/')))
            .ToHashSet(StringComparer.Ordinal);
    }
}

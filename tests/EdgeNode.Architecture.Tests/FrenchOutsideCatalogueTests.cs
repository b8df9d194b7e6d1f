namespace EdgeNode.Architecture.Tests;

/// <summary>
/// One way to translate: French words a user reads come from the fleet's catalogue (Localisation: StaffText, PublicText),
/// never from C# in a feature folder, where a second wording would drift from the first. Seen as a line of code (not a
/// comment) with a letter or a sign that only French uses here; the few that are not text for a reader are listed with why.
/// </summary>
public sealed class FrenchOutsideCatalogueTests
{
    private const string FrenchSigns = "àâçéèêëîïôûùüÿœÀÂÇÉÈÊËÎÏÔÛÙÜŸŒ«»";

    private static readonly Dictionary<string, string> NotText = new(StringComparer.Ordinal)
    {
        ["Public/MunicipalitySlug.cs"] = "the letters a URL name folds, not words",
        ["Registry/NodesCommandLine.cs"] = "an example of a node's name in the command line's English help",
        ["OpenData/OpenDataLicence.cs"] = "the licence's own bilingual terms, carried as they are in every open-data answer",
    };

    [Fact]
    public void No_french_is_written_in_the_fleet_outside_its_catalogue()
    {
        string directory = Repository.ProductProjects["EdgeNode.Fleet"];
        List<string> found = [];
        int files = 0;
        foreach (string path in Repository.Sources(directory))
        {
            string relative = Path.GetRelativePath(directory, path).Replace('\\', '/');
            if (relative.StartsWith("Localisation/", StringComparison.Ordinal) || NotText.ContainsKey(relative))
            {
                continue;
            }

            files++;
            string[] lines = File.ReadAllLines(path);
            for (int i = 0; i < lines.Length; i++)
            {
                string line = lines[i].TrimStart();
                if (!IsComment(line) && line.IndexOfAny(FrenchSigns.ToCharArray()) >= 0)
                {
                    found.Add($"{relative}:{i + 1}: {line}");
                }
            }
        }

        Assert.True(files > 100, $"Only {files} files read in {directory}: the check would see nothing.");
        Assert.True(found.Count == 0, "French written outside Localisation; give it a key in the catalogue:\n" + string.Join("\n", found));
    }

    private static bool IsComment(string line) => line.StartsWith("//", StringComparison.Ordinal) || line.StartsWith("/*", StringComparison.Ordinal) || line.StartsWith('*');
}

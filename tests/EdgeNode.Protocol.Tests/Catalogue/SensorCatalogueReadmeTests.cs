using System.Text.RegularExpressions;
using EdgeNode.Protocol.Catalogue;

namespace EdgeNode.Protocol.Tests.Catalogue;

/// <summary>An integrator writes a node from the README alone, so its list of sensor names is the catalogue's, word for word.</summary>
public sealed partial class SensorCatalogueReadmeTests
{
    [Fact]
    public void The_readme_lists_exactly_the_catalogues_sensors_with_their_instruments_in_order()
    {
        string readme = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "ProtocolReadme.md"));
        int section = readme.IndexOf("\nSensor names.", StringComparison.Ordinal);
        Assert.True(section >= 0, "the protocol README has no 'Sensor names.' paragraph");

        // The first table after the paragraph: rows of "| `name` | instrument |".
        IEnumerable<string> table = readme[section..].Split('\n').SkipWhile(l => !l.StartsWith('|')).TakeWhile(l => l.StartsWith('|'));
        WireSensor[] listed = table.Select(l => SensorRow().Match(l)).Where(m => m.Success).Select(m => new WireSensor(m.Groups[1].Value, m.Groups[2].Value.Trim())).ToArray();

        Assert.Equal(SensorCatalogue.All, listed);
    }

    [GeneratedRegex(@"^\| `([^`]+)` \| (.+) \|$")]
    private static partial Regex SensorRow();
}

using EdgeNode.Protocol.Catalogue;
using EdgeNode.Protocol.Messages;

namespace EdgeNode.Fleet.Ingest;

/// <summary>
/// The sensor names the fleet stores (firmware/EdgeNode.Protocol/README.md, "Sensor names"): only those of the
/// catalogue. A name it does not know would start a series with no instrument behind it (a misspelling splits one
/// sensor's data in two), so its batch is refused whole, like an unknown metric code, with the known names as the way out.
/// </summary>
public static class SensorNameRules
{
    /// <summary>Null when every sensor a window names is in the catalogue; otherwise the first unknown one, naming its window.</summary>
    public static string? Problem(IReadOnlyList<WireWindow> windows)
    {
        for (int i = 0; i < windows.Count; i++)
        {
            WireWindow w = windows[i];
            string? unknown = w.Sensors.Select(s => s.Sensor).Append(w.Traffic?.Sensor).FirstOrDefault(n => n is not null && SensorCatalogue.Find(n) is null);
            if (unknown is not null)
            {
                return $"window {i + 1} names sensor '{unknown}', which the fleet does not know; known sensors are {string.Join(", ", SensorCatalogue.Names)} (a fleet learns a new sensor before any node sends it)";
            }
        }
        return null;
    }
}

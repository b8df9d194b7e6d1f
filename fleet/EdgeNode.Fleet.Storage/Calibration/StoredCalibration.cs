using System.Text.Json;
using EdgeNode.Protocol.Calibration;

namespace EdgeNode.Fleet.Calibration;

/// <summary>
/// A set's entries as the stores keep them: the same settings the node receives, as JSON, read back through the
/// protocol's own parser so that there is one format and one validation.
/// </summary>
internal static class StoredCalibration
{
    /// <summary>Refuses entries no node could apply, before anything is stored or sent.</summary>
    /// <exception cref="ArgumentException">Names every problem.</exception>
    public static void RequireApplicable(IReadOnlyList<CalibrationEntry> entries)
    {
        var problems = new CalibrationSet(1, entries).Problems().ToList();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", problems), nameof(entries));
        }
    }

    public static string ToJson(CalibrationSet set) => JsonSerializer.Serialize(set.ToSettings());

    public static CalibrationSet FromJson(string json)
    {
        Dictionary<string, string> settings = JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? [];
        var problems = new List<string>();
        return CalibrationSet.FromSettings(settings, problems)
            ?? throw new Storage.FleetStoreException($"A stored calibration set cannot be read back: {string.Join("; ", problems)}");
    }
}

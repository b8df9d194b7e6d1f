using System.Globalization;
using EdgeNode.Protocol.Catalogue;

namespace EdgeNode.Protocol.Calibration;

/// <summary>
/// The corrections a node applies to its sensors' values before they leave it, numbered so that every window says
/// which set made its values. It travels inside the retained <c>down/config</c> as ordinary settings
/// (<c>Calibration:Version</c>, <c>Calibration:{sensor}:{metric}:Gain</c> and <c>…:Offset</c>), so the protocol
/// needed no new message. A configuration that names a version replaces the whole set: a metric it leaves out is
/// no longer corrected.
/// </summary>
/// <param name="Version">1 and up; 0 is <see cref="None"/>, the sensors' own output.</param>
public sealed record CalibrationSet(int Version, IReadOnlyList<CalibrationEntry> Entries)
{
    public const string Prefix = "Calibration:";

    public const string VersionKey = Prefix + "Version";

    /// <summary>No correction: values are the sensors' own.</summary>
    public static CalibrationSet None { get; } = new(0, []);

    /// <summary>The entry for one sensor's metric, or null when that metric goes out as measured.</summary>
    public CalibrationEntry? For(string sensor, string metric) => Entries.FirstOrDefault(e => e.Sensor == sensor && e.Metric == metric);

    /// <summary>The value as this set calibrates it.</summary>
    public double Apply(string sensor, WireMetric metric, double raw) => For(sensor, metric.Name) is { } entry ? entry.Apply(metric, raw) : raw;

    /// <summary>The set as configuration settings, numbers in the invariant culture.</summary>
    public IReadOnlyDictionary<string, string> ToSettings()
    {
        var settings = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [VersionKey] = Version.ToString(CultureInfo.InvariantCulture),
        };
        foreach (CalibrationEntry e in Entries)
        {
            settings[$"{Prefix}{e.Sensor}:{e.Metric}:Gain"] = e.Gain.ToString("R", CultureInfo.InvariantCulture);
            settings[$"{Prefix}{e.Sensor}:{e.Metric}:Offset"] = e.Offset.ToString("R", CultureInfo.InvariantCulture);
        }
        return settings;
    }

    public static bool IsCalibrationKey(string key) => key.StartsWith(Prefix, StringComparison.Ordinal);

    /// <summary>What is wrong with the set; empty when a node can apply it.</summary>
    public IEnumerable<string> Problems()
    {
        if (Version < 1)
        {
            yield return $"{VersionKey} must be 1 or more (it is {Version})";
        }
        foreach (IGrouping<(string Sensor, string Metric), CalibrationEntry>? twice in Entries.GroupBy(e => (e.Sensor, e.Metric)).Where(g => g.Count() > 1))
        {
            yield return $"{twice.Key.Sensor} {twice.Key.Metric} is corrected twice";
        }
        foreach (string problem in Entries.SelectMany(e => e.Problems()))
        {
            yield return problem;
        }
    }

    /// <summary>
    /// Reads the calibration settings out of a configuration. Null when it has none (the set in force stays);
    /// otherwise the set, or the problems that make it unusable.
    /// </summary>
    public static CalibrationSet? FromSettings(IReadOnlyDictionary<string, string> settings, List<string> problems)
    {
        var keys = settings.Keys.Where(IsCalibrationKey).ToList();
        if (keys.Count == 0)
        {
            return null;
        }
        int before = problems.Count;
        int version = 0;
        if (!settings.TryGetValue(VersionKey, out string? versionText))
        {
            problems.Add($"calibration settings without {VersionKey}");
        }
        else if (!int.TryParse(versionText, NumberStyles.None, CultureInfo.InvariantCulture, out version))
        {
            problems.Add($"{VersionKey}: '{versionText}' is not a whole number");
        }

        var gains = new Dictionary<(string, string), double>();
        var offsets = new Dictionary<(string, string), double>();
        foreach (string key in keys.Where(k => k != VersionKey))
        {
            string[] parts = key[Prefix.Length..].Split(':');
            if (parts.Length != 3 || parts[2] is not ("Gain" or "Offset"))
            {
                problems.Add($"{key}: a calibration key is {Prefix}{{sensor}}:{{metric}}:Gain or :Offset");
                continue;
            }
            if (!double.TryParse(settings[key], NumberStyles.Float, CultureInfo.InvariantCulture, out double number))
            {
                problems.Add($"{key}: '{settings[key]}' is not a number");
                continue;
            }
            (parts[2] == "Gain" ? gains : offsets)[(parts[0], parts[1])] = number;
        }
        foreach ((string, string) missing in gains.Keys.Except(offsets.Keys).Concat(offsets.Keys.Except(gains.Keys)))
        {
            problems.Add($"{Prefix}{missing.Item1}:{missing.Item2} needs both a Gain and an Offset");
        }

        var set = new CalibrationSet(version, gains.Keys.Intersect(offsets.Keys)
            .Select(k => new CalibrationEntry(k.Item1, k.Item2, gains[k], offsets[k]))
            .OrderBy(e => e.Sensor, StringComparer.Ordinal).ThenBy(e => e.Metric, StringComparer.Ordinal)
            .ToList());
        problems.AddRange(set.Problems());
        return problems.Count == before ? set : null;
    }
}

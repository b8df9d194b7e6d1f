using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using EdgeNode.Daemon.Calibration;
using EdgeNode.Protocol.Calibration;
using EdgeNode.Protocol.Messages;

namespace EdgeNode.Daemon.Uplink;

/// <summary>
/// Applies the fleet's retained <c>down/config</c> to the uplink's settings and to the calibration in force, and
/// remembers the revision on disk, so a restarted node keeps what the fleet last set even before it reconnects. Only
/// the keys below and the calibration settings (<see cref="CalibrationSet"/>) may be set from the fleet: anything
/// that could lock a node out (broker, credentials) stays in the local file.
/// </summary>
public sealed partial class FleetSettings(UplinkOptions options, string dataDirectory, CalibrationInForce calibration)
{
    public const string FileName = "fleet-config.json";

    public static IReadOnlyList<string> Keys { get; } = ["Uplink:SyncInterval", "Uplink:HealthInterval", "Uplink:BacklogBytesPerSecond", "Uplink:MaxWindowsPerBatch"];

    private readonly Dictionary<string, string> _fleetSet = new(StringComparer.Ordinal);

    public int AppliedRevision { get; private set; }

    private string FilePath => Path.Combine(dataDirectory, FileName);

    /// <summary>Re-applies the revision saved by an earlier run; a damaged file is ignored (the retained message comes again).</summary>
    public void Load()
    {
        try
        {
            if (!File.Exists(FilePath))
            {
                return;
            }
            SavedConfig? saved = JsonSerializer.Deserialize(File.ReadAllText(FilePath), SavedConfigJsonContext.Default.SavedConfig);
            if (saved?.Settings is not null)
            {
                Apply(new ConfigMessage("saved", saved.Revision, saved.Settings), persist: false);
            }
        }
        catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException)
        {
        }
    }

    /// <summary>
    /// Applies a newer revision whole or not at all. The revision in force, which the broker repeats at every
    /// reconnect, is answered with null (nothing to say); an older one is refused with the revision in force, so that
    /// the fleet (its database restored from before it, or this node enrolled again) learns to number above it.
    /// </summary>
    public ConfigApplied? Apply(ConfigMessage config, bool persist = true)
    {
        if (config.Revision == AppliedRevision)
        {
            return null;
        }
        if (config.Revision < AppliedRevision)
        {
            return new ConfigApplied(config.NodeId, config.Revision, false,
                $"revision {config.Revision} is older than revision {AppliedRevision}, which this node has in force: send the change again as a revision above {AppliedRevision}");
        }
        // Checked on a copy with the same rules as the configuration file, then applied whole or not at all.
        UplinkOptions next = options.Copy();
        var problems = new List<string>();
        CalibrationSet? calibrationSet = CalibrationSet.FromSettings(config.Settings, problems);
        foreach ((string key, string value) in config.Settings.Where(setting => !CalibrationSet.IsCalibrationKey(setting.Key)))
        {
            switch (key)
            {
                case "Uplink:SyncInterval" when TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out TimeSpan interval):
                    next.SyncInterval = interval;
                    break;
                case "Uplink:HealthInterval" when TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out TimeSpan health):
                    next.HealthInterval = health;
                    break;
                case "Uplink:BacklogBytesPerSecond" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int rate):
                    next.BacklogBytesPerSecond = rate;
                    break;
                case "Uplink:MaxWindowsPerBatch" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int max):
                    next.MaxWindowsPerBatch = max;
                    break;
                default:
                    problems.Add(Keys.Contains(key) ? $"{key}: '{value}' is not a valid value" : $"{key}: not a setting the fleet may change");
                    break;
            }
        }
        problems.AddRange(next.Problems());
        if (problems.Count > 0)
        {
            return new ConfigApplied(config.NodeId, config.Revision, false, string.Join("; ", problems));
        }

        options.SyncInterval = next.SyncInterval;
        options.HealthInterval = next.HealthInterval;
        options.BacklogBytesPerSecond = next.BacklogBytesPerSecond;
        options.MaxWindowsPerBatch = next.MaxWindowsPerBatch;
        if (calibrationSet is not null)
        {
            calibration.Replace(calibrationSet);
            foreach (string replaced in _fleetSet.Keys.Where(CalibrationSet.IsCalibrationKey).ToList())
            {
                _fleetSet.Remove(replaced);
            }
        }
        foreach ((string key, string value) in config.Settings)
        {
            _fleetSet[key] = value;
        }
        AppliedRevision = config.Revision;
        if (persist)
        {
            Save(config.Revision);
        }
        return new ConfigApplied(config.NodeId, config.Revision, true, null);
    }

    // What the fleet has set and is in force, not only the last revision's keys: a revision that leaves a key out
    // keeps its value, and so must a restart. Keys the fleet never sent stay with the local configuration file.
    private void Save(int revision)
    {
        try
        {
            string temporary = FilePath + ".new";
            File.WriteAllText(temporary, JsonSerializer.Serialize(new SavedConfig(revision, new Dictionary<string, string>(_fleetSet)), SavedConfigJsonContext.Default.SavedConfig));
            File.Move(temporary, FilePath, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Applied in memory all the same; the retained message brings it back after a restart.
        }
    }

    private sealed record SavedConfig(int Revision, Dictionary<string, string> Settings);

    // Generated at build time: the native binary has no reflection-based serializer to fall back on.
    [JsonSerializable(typeof(SavedConfig))]
    private sealed partial class SavedConfigJsonContext : JsonSerializerContext;
}

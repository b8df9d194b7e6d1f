using EdgeNode.Protocol.Calibration;

namespace EdgeNode.Fleet.Calibration;

/// <summary>
/// The sets a node has had, by version, to tell what a stored (calibrated) value was before its calibration: a window
/// carries its calibration version, and the correction is linear, so the raw value needs nothing else.
/// </summary>
public sealed class CalibrationHistory(IEnumerable<CalibrationRecord> records)
{
    private readonly Dictionary<int, CalibrationSet> _byVersion = records.ToDictionary(r => r.Set.Version, r => r.Set);

    /// <summary>The value before calibration; null when <paramref name="version"/> is not one this fleet gave.</summary>
    public double? Raw(string sensor, string metric, int version, double calibrated) =>
        version == 0 ? calibrated
        : _byVersion.TryGetValue(version, out CalibrationSet? set) ? set.For(sensor, metric)?.Invert(calibrated) ?? calibrated
        : null;

    /// <summary>Whether any of these versions corrected this sensor's metric, i.e. whether raw and calibrated differ at all.</summary>
    public bool Corrects(string sensor, string metric, IEnumerable<int> versions) =>
        versions.Distinct().Any(v => _byVersion.TryGetValue(v, out CalibrationSet? set) && set.For(sensor, metric) is not null);
}

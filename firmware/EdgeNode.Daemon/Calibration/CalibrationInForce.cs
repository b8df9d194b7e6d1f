using EdgeNode.Daemon.Wire;
using EdgeNode.Protocol.Calibration;
using EdgeNode.Sensors;

namespace EdgeNode.Daemon.Calibration;

/// <summary>
/// The calibration set the fleet last sent, read by the uplink (windows go out calibrated) and by the pollution alerts
/// (judged on calibrated values) while the fleet settings may replace it: one immutable set, swapped whole. The buffer
/// keeps raw values, so a set that turns out wrong never damages what is stored.
/// </summary>
public sealed class CalibrationInForce
{
    private CalibrationSet _set = CalibrationSet.None;

    public CalibrationSet Current => Volatile.Read(ref _set);

    public void Replace(CalibrationSet set) => Volatile.Write(ref _set, set ?? throw new ArgumentNullException(nameof(set)));

    /// <summary>The measurements as the set in force calibrates them (the same list when it corrects nothing of this sensor).</summary>
    public IReadOnlyList<Measurement> Apply(string sensor, IReadOnlyList<Measurement> measurements)
    {
        CalibrationSet set = Current;
        if (set.Entries.Count == 0 || !set.Entries.Any(e => e.Sensor == sensor))
        {
            return measurements;
        }
        return [.. measurements.Select(m => m with { Value = set.Apply(sensor, WireCodes.ToWire(m.Metric), m.Value) })];
    }
}

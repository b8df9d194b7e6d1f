using EdgeNode.Daemon.Alerts;
using EdgeNode.Daemon.Buffer;
using EdgeNode.Daemon.Windows;
using EdgeNode.Daemon.Wire;
using EdgeNode.Protocol.Calibration;
using EdgeNode.Protocol.Catalogue;
using EdgeNode.Protocol.Messages;

namespace EdgeNode.Daemon.Uplink;

/// <summary>
/// Turns the node's own records (windows, buffer reports, alerts) into the protocol's messages, in the words of
/// <see cref="WireCodes"/>.
/// </summary>
public static class WireMapping
{
    /// <param name="trafficSensor">The name the radar is configured under, since a traffic window does not carry it.</param>
    /// <param name="calibration">The set in force, applied here as the window leaves (the buffer keeps raw values); none by default.</param>
    public static WireWindow ToWire(ClosedWindow window, string trafficSensor, CalibrationSet? calibration = null)
    {
        CalibrationSet set = calibration ?? CalibrationSet.None;
        return new WireWindow(
            window.Start,
            (int)window.Length.TotalSeconds,
            window.Time switch
            {
                WindowTimeQuality.Synchronised => WireTimeQuality.Synchronised,
                WindowTimeQuality.Restamped => WireTimeQuality.Restamped,
                _ => WireTimeQuality.Unconfirmed,
            },
            window.Partial,
            set.Version,
            window.Sensors.Select(s => new WireSensorWindow(
                s.Sensor,
                s.Coverage,
                s.Metrics.Select(m => Calibrated(s.Sensor, m, set)).ToList(),
                s.Faults,
                s.LastFault is { } fault ? WireCodes.ToWire(fault) : null)).ToList(),
            window.Traffic is { } t ? new WireTrafficWindow(trafficSensor, t.Approaching, t.Receding, t.SpeedHistogram, t.V85KilometresPerHour) : null);
    }

    // A linear correction with a positive gain, then a clamp, keeps minimum ≤ mean ≤ maximum and last in between.
    private static WireMetricSummary Calibrated(string sensor, MetricSummary m, CalibrationSet calibration)
    {
        WireMetric metric = WireCodes.ToWire(m.Metric);
        double Apply(double value) => calibration.Apply(sensor, metric, value);
        return new WireMetricSummary(metric, m.Count, Apply(m.Mean), Apply(m.Minimum), Apply(m.Maximum), Apply(m.Last));
    }

    public static WireGap ToWire(BufferGap gap) => new(gap.From, gap.To, gap.WindowCount, gap.Cause switch
    {
        GapCause.QuotaExceeded => WireGapCause.QuotaExceeded,
        GapCause.MemoryQueueOverflow => WireGapCause.MemoryQueueOverflow,
        _ => WireGapCause.UnreadableWindow,
    });

    public static WireDownsampling ToWire(BufferDownsampling d) =>
        new(d.From, d.To, d.WindowsMerged, (int)d.FromLength.TotalSeconds, d.WindowsProduced, (int)d.ToLength.TotalSeconds);

    public static WireSetAside ToWire(SetAsideDatabase s) => new(s.DetectedAt, s.Reason, s.WindowsSalvaged, s.ReadToEnd);

    public static AlertMessage ToWire(PollutionAlert alert, string nodeId, ulong alertId) => new(
        nodeId,
        alertId,
        WireCodes.ToWire(alert.Metric),
        WireCodes.ToWire(alert.Band),
        alert.Transition == AlertTransition.Raised,
        alert.RollingMeanMicrogramsPerCubicMetre,
        alert.ThresholdMicrogramsPerCubicMetre,
        (int)alert.RollingPeriod.TotalSeconds,
        alert.At);
}

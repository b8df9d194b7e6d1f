using EdgeNode.Daemon.Alerts;
using EdgeNode.Daemon.Buffer;
using EdgeNode.Daemon.Windows;
using EdgeNode.Protocol.AirQuality;
using EdgeNode.Protocol.Calibration;
using EdgeNode.Protocol.Catalogue;
using EdgeNode.Protocol.Messages;
using EdgeNode.Sensors;

namespace EdgeNode.Daemon.Uplink;

/// <summary>
/// Turns the node's own records into the protocol's. The protocol knows nothing of the sensor library, so the one
/// translation between the two lives here.
/// </summary>
public static class WireMapping
{
    public static WireMetric ToWire(Metric metric) => metric switch
    {
        Metric.TemperatureCelsius => MetricCatalogue.Temperature,
        Metric.RelativeHumidityPercent => MetricCatalogue.RelativeHumidity,
        Metric.PressureHectopascals => MetricCatalogue.Pressure,
        Metric.Co2PartsPerMillion => MetricCatalogue.Co2,
        Metric.Pm1MicrogramsPerCubicMetre => MetricCatalogue.Pm1,
        Metric.Pm25MicrogramsPerCubicMetre => MetricCatalogue.Pm25,
        Metric.Pm10MicrogramsPerCubicMetre => MetricCatalogue.Pm10,
        Metric.No2MicrogramsPerCubicMetre => MetricCatalogue.No2,
        _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, "no wire code for this metric"),
    };

    public static WireFault ToWire(SensorFaultKind kind) => kind switch
    {
        SensorFaultKind.NotPresent => WireFault.NotPresent,
        SensorFaultKind.NotAnswering => WireFault.NotAnswering,
        SensorFaultKind.CorruptData => WireFault.CorruptData,
        SensorFaultKind.OutOfRange => WireFault.OutOfRange,
        SensorFaultKind.Stuck => WireFault.Stuck,
        SensorFaultKind.WarmingUp => WireFault.WarmingUp,
        SensorFaultKind.Stale => WireFault.Stale,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "no wire code for this fault"),
    };

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
                s.LastFault is { } fault ? ToWire(fault) : null)).ToList(),
            window.Traffic is { } t ? new WireTrafficWindow(trafficSensor, t.Approaching, t.Receding, t.SpeedHistogram, t.V85KilometresPerHour) : null);
    }

    // A linear correction with a positive gain, then a clamp, keeps minimum ≤ mean ≤ maximum and last in between.
    private static WireMetricSummary Calibrated(string sensor, MetricSummary m, CalibrationSet calibration)
    {
        WireMetric metric = ToWire(m.Metric);
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

    public static WireBand ToWire(AirQualityBand band) => band switch
    {
        AirQualityBand.Good => WireBand.Good,
        AirQualityBand.Fair => WireBand.Fair,
        AirQualityBand.Moderate => WireBand.Moderate,
        AirQualityBand.Poor => WireBand.Poor,
        AirQualityBand.VeryPoor => WireBand.VeryPoor,
        _ => WireBand.ExtremelyPoor,
    };

    public static AlertMessage ToWire(PollutionAlert alert, string nodeId, ulong alertId) => new(
        nodeId,
        alertId,
        ToWire(alert.Metric),
        ToWire(alert.Band),
        alert.Transition == AlertTransition.Raised,
        alert.RollingMeanMicrogramsPerCubicMetre,
        alert.ThresholdMicrogramsPerCubicMetre,
        (int)alert.RollingPeriod.TotalSeconds,
        alert.At);
}

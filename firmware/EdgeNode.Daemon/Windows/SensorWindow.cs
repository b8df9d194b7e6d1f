using EdgeNode.Sensors;

namespace EdgeNode.Daemon.Windows;

/// <summary>What one sensor gave during a window.</summary>
/// <param name="Sensor">The sensor's configured name, e.g. "bme280".</param>
/// <param name="Coverage">Fraction (0–1) of the window covered by valid samples.</param>
/// <param name="Metrics">One summary per metric that had at least one valid sample.</param>
/// <param name="Faults">Failed readings in the window.</param>
/// <param name="LastFault">The kind of the last failed reading, or null when none failed.</param>
public sealed record SensorWindow(string Sensor, double Coverage, IReadOnlyList<MetricSummary> Metrics, int Faults, SensorFaultKind? LastFault);

namespace EdgeNode.Protocol.Messages;

/// <summary>What one environmental sensor gave during a window.</summary>
/// <param name="Coverage">Fraction 0–1 of the window covered by valid samples; travels in thousandths.</param>
/// <param name="LastFault">Null when no reading failed in the window.</param>
public sealed record WireSensorWindow(string Sensor, double Coverage, IReadOnlyList<WireMetricSummary> Metrics, int Faults, WireFault? LastFault);

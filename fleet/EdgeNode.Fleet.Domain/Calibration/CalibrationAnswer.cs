namespace EdgeNode.Fleet.Calibration;

/// <summary>The node's answer to a calibration set, from its ConfigApplied on <c>up/ack</c>.</summary>
/// <param name="Problem">Why the node refused the set; null when it applied it.</param>
public sealed record CalibrationAnswer(bool Applied, string? Problem, DateTimeOffset At);

using EdgeNode.Protocol.Calibration;

namespace EdgeNode.Fleet.Calibration;

/// <summary>A calibration set as the fleet keeps it: who made it, and what the node said of it.</summary>
/// <param name="Answer">Null until the node answers (it may be offline for days).</param>
public sealed record CalibrationRecord(string NodeId, CalibrationSet Set, DateTimeOffset CreatedAt, string CreatedBy, CalibrationAnswer? Answer);

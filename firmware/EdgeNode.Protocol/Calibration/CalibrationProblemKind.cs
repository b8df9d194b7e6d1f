namespace EdgeNode.Protocol.Calibration;

/// <summary>What can be wrong with one <see cref="CalibrationEntry"/>.</summary>
public enum CalibrationProblemKind
{
    /// <summary>The sensor name is not lower-case letters, digits and hyphens, or is too long.</summary>
    SensorName,

    /// <summary>The metric is not one the protocol carries.</summary>
    UnknownMetric,

    /// <summary>The gain lies outside <see cref="CalibrationEntry.MinimumGain"/>–<see cref="CalibrationEntry.MaximumGain"/>.</summary>
    Gain,

    /// <summary>The offset moves values by more than <see cref="CalibrationEntry.MaximumOffsetFraction"/> of the metric's range.</summary>
    Offset,
}

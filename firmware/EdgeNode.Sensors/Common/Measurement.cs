namespace EdgeNode.Sensors;

/// <summary>One decoded value, in the unit its <see cref="Metric"/> names.</summary>
public readonly record struct Measurement(Metric Metric, double Value);

namespace EdgeNode.Sensors.Ads1115;

/// <summary>
/// One conversion: the raw two's-complement <paramref name="Code"/>, its value in <paramref name="Volts"/>
/// (code × full scale / 32768, datasheet §9.5.4), and whether it sits at a full-scale code, where the true input
/// may be anywhere beyond.
/// </summary>
public readonly record struct Ads1115Sample(short Code, double Volts, bool IsClipped);

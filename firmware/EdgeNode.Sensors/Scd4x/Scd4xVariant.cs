namespace EdgeNode.Sensors.Scd4x;

/// <summary>Which member of the family an emulator plays: only the SCD41 measures on demand (datasheet §3.10).</summary>
public enum Scd4xVariant
{
    Scd40,
    Scd41,
}

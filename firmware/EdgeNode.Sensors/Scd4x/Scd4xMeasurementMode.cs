namespace EdgeNode.Sensors.Scd4x;

/// <summary>How the SCD4x measures (datasheet §3.5 and §3.10).</summary>
public enum Scd4xMeasurementMode
{
    /// <summary>The sensor measures every 5 s on its own; a reading fetches the newest result. SCD40 and SCD41.</summary>
    Periodic,

    /// <summary>Each reading triggers one 5 s measurement and the sensor idles in between (0.15 mA). SCD41 only.</summary>
    SingleShot,
}

namespace EdgeNode.Sensors.Ops243;

/// <summary>The speed units of the OPS24x (UM-003-A p.8), with the command that selects each.</summary>
internal enum EmulatedSpeedUnit : byte
{
    /// <summary>UM, the factory default.</summary>
    MetresPerSecond,

    /// <summary>UK.</summary>
    KilometresPerHour,

    /// <summary>US, international mile (1609.344 m).</summary>
    MilesPerHour,

    /// <summary>UF.</summary>
    FeetPerSecond,

    /// <summary>UC.</summary>
    CentimetresPerSecond,
}

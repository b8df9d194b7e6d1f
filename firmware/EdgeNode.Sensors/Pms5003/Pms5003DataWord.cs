namespace EdgeNode.Sensors.Pms5003;

/// <summary>
/// The 13 big-endian data words of a 32-byte frame, in order (PMS5003 series data manual V2.3, Appendix I,
/// "Data 1" to "Data 13"). Mass in µg/m³; counts are particles in 0.1 L of air.
/// </summary>
internal enum Pms5003DataWord
{
    /// <summary>Data 1: PM1.0, CF=1 standard particle ("should be used in the factory environment").</summary>
    Pm1Standard = 0,

    /// <summary>Data 2: PM2.5, CF=1; the "PM2.5 standard data" that the range figures refer to.</summary>
    Pm25Standard = 1,

    /// <summary>Data 3: PM10, CF=1.</summary>
    Pm10Standard = 2,

    /// <summary>Data 4: PM1.0 under atmospheric environment, the value for outdoor air.</summary>
    Pm1Atmospheric = 3,

    /// <summary>Data 5: PM2.5 under atmospheric environment.</summary>
    Pm25Atmospheric = 4,

    /// <summary>Data 6: PM10 under atmospheric environment.</summary>
    Pm10Atmospheric = 5,

    /// <summary>Data 7: particles over 0.3 µm in 0.1 L.</summary>
    Over0Point3Micrometres = 6,

    /// <summary>Data 8: over 0.5 µm.</summary>
    Over0Point5Micrometres = 7,

    /// <summary>Data 9: over 1.0 µm.</summary>
    Over1Micrometre = 8,

    /// <summary>Data 10: over 2.5 µm.</summary>
    Over2Point5Micrometres = 9,

    /// <summary>Data 11: over 5.0 µm.</summary>
    Over5Micrometres = 10,

    /// <summary>Data 12: over 10 µm.</summary>
    Over10Micrometres = 11,

    /// <summary>Data 13: reserved (later firmware puts its version in the high byte and an error code in the low byte).</summary>
    Reserved = 12,
}

namespace EdgeNode.Sensors;

/// <summary>The distinct ways a sensor can fail to give a trustworthy value. Each needs a different fix.</summary>
public enum SensorFaultKind
{
    /// <summary>Nothing at the expected place, or a different device there (wrong chip id, foreign frames).</summary>
    NotPresent,

    /// <summary>The device was there but does not answer now (NACK, timeout, silence on the line).</summary>
    NotAnswering,

    /// <summary>Bytes arrived but fail their CRC or checksum, or are not a valid frame.</summary>
    CorruptData,

    /// <summary>A decoded value lies outside what the sensor can measure.</summary>
    OutOfRange,

    /// <summary>The same raw value for far longer than the physics allows: a frozen ADC or firmware.</summary>
    Stuck,

    /// <summary>The sensor was just woken (fan, laser, heater) and its values are not yet valid.</summary>
    WarmingUp,

    /// <summary>
    /// No reading and no fault for several of the sensor's intervals: the node stopped sampling it (a stalled loop),
    /// whatever the sensor does. Judged by the node, never by a driver.
    /// </summary>
    Stale,
}

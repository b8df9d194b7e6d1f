namespace EdgeNode.Sensors.Emulation;

/// <summary>A fault an emulated device produces on the wire, so the real driver meets it as it would in the field.</summary>
public enum EmulatedFault
{
    None,

    /// <summary>The device stops answering: NACK on I2C, silence on a serial line.</summary>
    Silent,

    /// <summary>Frames or words arrive with a wrong CRC or checksum.</summary>
    CorruptData,

    /// <summary>Well-formed data carrying a value the sensor cannot measure.</summary>
    OutOfRange,

    /// <summary>The exact same raw output forever.</summary>
    Stuck,

    /// <summary>Another kind of device answers at the expected place (wrong chip id, foreign frames).</summary>
    WrongDevice,
}

namespace EdgeNode.Hardware;

/// <summary>What went wrong when talking to a bus or port, in terms a technician can act on.</summary>
public enum DeviceAccessError
{
    /// <summary>The bus or port device file does not exist (interface not enabled, adapter unplugged).</summary>
    NotFound,

    /// <summary>The device file exists but the service user may not open it (group i2c / dialout).</summary>
    PermissionDenied,

    /// <summary>No device acknowledged its address on the I2C bus (NACK), or a transfer failed mid-way.</summary>
    NotAnswering,

    /// <summary>Another process holds the serial port.</summary>
    Busy,

    /// <summary>The path exists but is not an I2C adapter or a serial port.</summary>
    WrongKindOfDevice,

    /// <summary>Any other input/output error reported by the kernel.</summary>
    IoError,
}

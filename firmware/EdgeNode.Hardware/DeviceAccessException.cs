namespace EdgeNode.Hardware;

/// <summary>
/// An I2C or serial operation failed. <see cref="Exception.Message"/> says what happened and what to
/// check; <see cref="Error"/> lets code react without parsing text; <see cref="Errno"/> keeps the
/// kernel's own code for the log.
/// </summary>
public sealed class DeviceAccessException : IOException
{
    public DeviceAccessException(DeviceAccessError error, string devicePath, string message, int errno = 0)
        : base(message)
    {
        Error = error;
        DevicePath = devicePath;
        Errno = errno;
    }

    public DeviceAccessError Error { get; }

    /// <summary>The device file involved, for example <c>/dev/i2c-1</c> or <c>/dev/ttyUSB0</c>.</summary>
    public string DevicePath { get; }

    /// <summary>The kernel's errno, or 0 when the failure was detected above the kernel.</summary>
    public int Errno { get; }
}

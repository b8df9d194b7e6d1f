using EdgeNode.Hardware.Interop;

namespace EdgeNode.Hardware.I2c;

/// <summary>Turns the kernel's errno into a message a technician on a ladder can act on.</summary>
internal static class I2cErrors
{
    internal static DeviceAccessException FromOpen(int busId, string path, int errno, string text) => errno switch
    {
        Libc.ENOENT or Libc.ENODEV => new DeviceAccessException(DeviceAccessError.NotFound, path,
            $"I2C bus {busId} not found ({path} does not exist): enable it with dtparam=i2c_arm=on in /boot/firmware/config.txt and reboot.", errno),
        Libc.EACCES or Libc.EPERM => new DeviceAccessException(DeviceAccessError.PermissionDenied, path,
            $"Permission denied opening {path}: add the service user to group i2c (sudo usermod -aG i2c edgenode) and restart the service.", errno),
        _ => new DeviceAccessException(DeviceAccessError.IoError, path,
            $"Cannot open I2C bus {busId} at {path}: {text}.", errno),
    };

    internal static DeviceAccessException FromTransfer(int busId, string path, int address, int errno, string text) => errno switch
    {
        // The adapter drivers disagree on how a missing ACK is reported: bcm2835 says EREMOTEIO,
        // designware ENXIO, others EIO; a stretched clock that never ends is ETIMEDOUT.
        Libc.ENXIO or Libc.EREMOTEIO or Libc.EIO or Libc.ETIMEDOUT => NotAnswering(busId, path, address, text, errno),
        _ => new DeviceAccessException(DeviceAccessError.IoError, path,
            $"I2C transfer to 0x{address:x2} on bus {busId} failed: {text}.", errno),
    };

    internal static DeviceAccessException NotAnswering(int busId, string path, int address, string reason, int errno) =>
        new(DeviceAccessError.NotAnswering, path,
            $"No answer from the device at 0x{address:x2} on I2C bus {busId} ({reason}): check its power (3.3 V, GND), SDA/SCL wiring and address.",
            errno);
}

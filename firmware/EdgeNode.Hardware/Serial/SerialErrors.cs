using EdgeNode.Hardware.Interop;

namespace EdgeNode.Hardware.Serial;

/// <summary>Turns the kernel's errno into a message a technician on a ladder can act on.</summary>
internal static class SerialErrors
{
    internal static DeviceAccessException FromOpen(string path, int errno, string text) => errno switch
    {
        Libc.ENOENT or Libc.ENODEV or Libc.ENXIO => new DeviceAccessException(DeviceAccessError.NotFound, path,
            $"Serial port {path} not found: for the Pi's own UART set enable_uart=1 in /boot/firmware/config.txt and remove console=serial0,115200 from cmdline.txt; for a USB adapter check its cable (ls /dev/ttyUSB* /dev/ttyACM*).", errno),
        Libc.EACCES or Libc.EPERM => new DeviceAccessException(DeviceAccessError.PermissionDenied, path,
            $"Permission denied opening {path}: add the service user to group dialout (sudo usermod -aG dialout edgenode) and restart the service.", errno),
        Libc.EBUSY or Libc.EAGAIN => Busy(path, errno),
        _ => new DeviceAccessException(DeviceAccessError.IoError, path, $"Cannot open serial port {path}: {text}.", errno),
    };

    internal static DeviceAccessException Busy(string path, int errno) =>
        new(DeviceAccessError.Busy, path,
            $"Serial port {path} is busy: another program holds it (the serial console, a getty, or a second edgenode); find it with 'fuser {path}'.", errno);

    internal static DeviceAccessException NotATerminal(string path, int errno, string text) =>
        new(DeviceAccessError.WrongKindOfDevice, path, $"{path} is not a serial port ({text}): check the configured port name.", errno);

    internal static DeviceAccessException Lost(string path, int errno, string text) =>
        new(DeviceAccessError.IoError, path,
            $"Serial port {path} failed ({text}): a USB adapter may have been unplugged; check the cable, the service reopens the port.", errno);
}

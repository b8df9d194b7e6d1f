using EdgeNode.Hardware;

namespace EdgeNode.Daemon.Sampling;

/// <summary>
/// Which failures make a sampling loop open its sensor afresh at the next attempt: those where the port itself failed
/// (a USB adapter pulled out: the kernel drops its tty, and the one that comes back on replug is new, out of the old
/// descriptor's reach). A device that does not acknowledge on I2C, or a serial line gone silent, keeps its driver: the
/// bus or port still works, and the driver's memory of the last values is what finds a sensor stuck.
/// </summary>
internal static class ConnectionLost
{
    public static bool Means(Exception failure) =>
        (failure as DeviceAccessException ?? failure.InnerException as DeviceAccessException) is { Error: not DeviceAccessError.NotAnswering };
}

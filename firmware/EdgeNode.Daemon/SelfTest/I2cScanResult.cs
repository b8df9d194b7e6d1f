using EdgeNode.Daemon.NodeHardware;
using EdgeNode.Hardware;
using EdgeNode.Hardware.I2c;

namespace EdgeNode.Daemon.SelfTest;

/// <summary>Which addresses answered on a bus, or why the bus could not be scanned.</summary>
public sealed record I2cScanResult(int BusId, IReadOnlyList<int> Addresses, string? Error)
{
    public static I2cScanResult Of(INodeHardware hardware, int busId)
    {
        try
        {
            return new I2cScanResult(busId, hardware.OpenI2cBus(busId).Scan(), null);
        }
        catch (DeviceAccessException e)
        {
            return new I2cScanResult(busId, [], e.Message);
        }
    }
}

using System.Device.I2c;

namespace EdgeNode.Hardware.I2c;

/// <summary>Where a device sits, in the words a fault message uses.</summary>
public static class I2cConnectionDescription
{
    /// <summary>"I2C bus 1, address 0x76".</summary>
    public static string Describe(this I2cConnectionSettings settings) =>
        $"I2C bus {settings.BusId}, address 0x{settings.DeviceAddress:x2}";
}

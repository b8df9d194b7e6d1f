namespace EdgeNode.Hardware.I2c;

/// <summary>Which bus (the N of <c>/dev/i2c-N</c>) and which 7-bit address a device sits at.</summary>
public sealed record I2cConnectionSettings(int BusId, int DeviceAddress)
{
    public override string ToString() => $"I2C bus {BusId}, address 0x{DeviceAddress:x2}";
}

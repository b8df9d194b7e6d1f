namespace EdgeNode.Hardware.I2c;

/// <summary>The 7-bit address range a device may use.</summary>
public static class I2cAddress
{
    /// <summary>0x00–0x07 and 0x78–0x7F are reserved by the I2C specification (UM10204 §3.1.12); i2cdetect scans 0x08–0x77 too.</summary>
    public const int FirstUsable = 0x08;

    public const int LastUsable = 0x77;

    public static void Validate(int deviceAddress)
    {
        if (deviceAddress is < FirstUsable or > LastUsable)
        {
            throw new ArgumentOutOfRangeException(nameof(deviceAddress), deviceAddress,
                $"I2C address 0x{deviceAddress:x2} is outside the usable 7-bit range 0x{FirstUsable:x2}–0x{LastUsable:x2}.");
        }
    }
}

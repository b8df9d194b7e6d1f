using System.Device.I2c;

namespace EdgeNode.Hardware.I2c;

/// <summary>Which addresses answer on a bus, as <c>i2cdetect</c> finds them.</summary>
public static class I2cBusScan
{
    /// <summary>
    /// The addresses that acknowledge, probed as <c>i2cdetect</c> does by default: a zero-length "quick write"
    /// (only the address byte goes out, so nothing in the device changes), except in the EEPROM ranges
    /// 0x30–0x37 and 0x50–0x5F where a quick write can corrupt some parts and a one-byte read is used instead.
    /// A read everywhere would miss devices that refuse a read with no command pending, such as the SCD4x.
    /// </summary>
    /// <remarks>Works on our buses, whose devices report a missing acknowledge as <see cref="DeviceAccessError.NotAnswering"/>.</remarks>
    public static IReadOnlyList<int> Scan(this I2cBus bus)
    {
        var answering = new List<int>();
        for (int address = I2cAddress.FirstUsable; address <= I2cAddress.LastUsable; address++)
        {
            using I2cDevice device = bus.CreateDevice(address);
            try
            {
                if (address is >= 0x30 and <= 0x37 or >= 0x50 and <= 0x5F)
                {
                    device.ReadByte();
                }
                else
                {
                    device.Write([]);
                }

                answering.Add(address);
            }
            catch (DeviceAccessException e) when (e.Error == DeviceAccessError.NotAnswering)
            {
            }
        }

        return answering;
    }
}

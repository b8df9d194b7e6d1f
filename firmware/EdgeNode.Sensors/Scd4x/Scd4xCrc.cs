namespace EdgeNode.Sensors.Scd4x;

/// <summary>
/// Sensirion's CRC-8 protecting every 16-bit word on the wire (datasheet §3.11): polynomial 0x31
/// (x⁸ + x⁵ + x⁴ + 1), initial value 0xFF, no reflection, no final XOR. Example: CRC(0xBE, 0xEF) = 0x92.
/// </summary>
internal static class Scd4xCrc
{
    private const byte Polynomial = 0x31;
    private const byte Initial = 0xFF;

    public static byte Compute(byte msb, byte lsb)
    {
        byte crc = Initial;
        foreach (byte b in (ReadOnlySpan<byte>)[msb, lsb])
        {
            crc ^= b;
            for (int bit = 0; bit < 8; bit++)
            {
                crc = (crc & 0x80) != 0 ? (byte)((crc << 1) ^ Polynomial) : (byte)(crc << 1);
            }
        }

        return crc;
    }
}

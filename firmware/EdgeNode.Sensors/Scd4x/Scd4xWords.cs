namespace EdgeNode.Sensors.Scd4x;

/// <summary>
/// The SCD4x response format (datasheet §3.3): each 16-bit word big-endian, followed by its CRC-8 byte.
/// </summary>
internal static class Scd4xWords
{
    public const int BytesPerWord = 3;

    public static byte[] Encode(ReadOnlySpan<ushort> words)
    {
        byte[] bytes = new byte[words.Length * BytesPerWord];
        for (int i = 0; i < words.Length; i++)
        {
            byte msb = (byte)(words[i] >> 8);
            byte lsb = (byte)words[i];
            bytes[i * BytesPerWord] = msb;
            bytes[i * BytesPerWord + 1] = lsb;
            bytes[i * BytesPerWord + 2] = Scd4xCrc.Compute(msb, lsb);
        }

        return bytes;
    }

    /// <summary>Decodes <c>words.Length</c> words; returns the index of the first word whose CRC fails, or -1.</summary>
    public static int Decode(ReadOnlySpan<byte> bytes, Span<ushort> words)
    {
        for (int i = 0; i < words.Length; i++)
        {
            byte msb = bytes[i * BytesPerWord];
            byte lsb = bytes[i * BytesPerWord + 1];
            if (Scd4xCrc.Compute(msb, lsb) != bytes[i * BytesPerWord + 2])
            {
                return i;
            }

            words[i] = (ushort)((msb << 8) | lsb);
        }

        return -1;
    }
}

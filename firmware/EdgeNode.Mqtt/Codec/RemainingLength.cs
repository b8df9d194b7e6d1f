namespace EdgeNode.Mqtt.Codec;

/// <summary>
/// The Remaining Length field (MQTT 3.1.1, 2.2.3, Table 2.4): seven bits per byte, low group first,
/// the top bit saying "another byte follows", at most four bytes, so at most 268,435,455.
/// </summary>
internal static class RemainingLength
{
    public const int Maximum = 268_435_455;
    public const int MaximumBytes = 4;

    /// <summary>Writes the encoding into <paramref name="destination"/> (4 bytes are enough) and returns its size.</summary>
    public static int Encode(int value, Span<byte> destination)
    {
        if (value is < 0 or > Maximum)
            throw new ArgumentOutOfRangeException(nameof(value), value, $"An MQTT packet body holds at most {Maximum:N0} bytes (2.2.3).");
        var count = 0;
        do
        {
            var digit = (byte)(value % 128);
            value /= 128;
            if (value > 0)
                digit |= 0x80;
            destination[count++] = digit;
        }
        while (value > 0);
        return count;
    }

    public static int EncodedSize(int value) => value switch
    {
        < 128 => 1,
        < 16_384 => 2,
        < 2_097_152 => 3,
        _ => 4,
    };

    /// <summary>
    /// Adds one received byte to a length being decoded. Returns true when the field is complete.
    /// A fourth byte that still says "more follows" is malformed: the field has no fifth byte.
    /// </summary>
    public static bool Accumulate(byte encoded, int index, ref int value)
    {
        value += (encoded & 0x7F) << (7 * index);
        if ((encoded & 0x80) == 0)
            return true;
        if (index == MaximumBytes - 1)
            throw new MqttProtocolViolationException("[MQTT-2.2.3]", "Remaining Length continues past its fourth byte (at most four bytes, Table 2.4).");
        return false;
    }
}

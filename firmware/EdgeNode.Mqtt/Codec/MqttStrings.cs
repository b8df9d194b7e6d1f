using System.Text;

namespace EdgeNode.Mqtt.Codec;

/// <summary>UTF-8 encoded strings (1.5.3): a 16-bit byte count, then well-formed UTF-8 without U+0000.</summary>
internal static class MqttStrings
{
    public const int MaximumBytes = ushort.MaxValue;

    // throwOnInvalidBytes: ill-formed input (overlongs, encoded surrogates U+D800-U+DFFF, truncated
    // sequences) must close the connection [MQTT-1.5.3-1], not be replaced with U+FFFD silently.
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static string Decode(ReadOnlySpan<byte> bytes, string field)
    {
        string text;
        try
        {
            text = Strict.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw new MqttProtocolViolationException("[MQTT-1.5.3-1]", $"The {field} is not well-formed UTF-8.");
        }
        if (text.Contains('\0'))
            throw new MqttProtocolViolationException("[MQTT-1.5.3-2]", $"The {field} contains U+0000.");
        // A leading U+FEFF is kept as a character, never stripped as a byte-order mark [MQTT-1.5.3-3]:
        // Strict.GetString does not strip it.
        return text;
    }

    /// <summary>Checks a string we are about to send; the same rules, as an argument error for the caller.</summary>
    public static int ValidateOutgoing(string value, string field)
    {
        ArgumentNullException.ThrowIfNull(value, field);
        if (value.Contains('\0'))
            throw new ArgumentException($"MQTT {field} contains U+0000, which MQTT forbids [MQTT-1.5.3-2].", field);
        int byteCount;
        try
        {
            byteCount = Strict.GetByteCount(value);
        }
        catch (EncoderFallbackException)
        {
            throw new ArgumentException($"MQTT {field} contains an unpaired surrogate and cannot be sent as UTF-8 [MQTT-1.5.3-1].", field);
        }
        if (byteCount > MaximumBytes)
            throw new ArgumentException($"MQTT {field} is {byteCount:N0} UTF-8 bytes; at most {MaximumBytes:N0} fit (1.5.3).", field);
        return byteCount;
    }

    public static int GetByteCount(string value) => Strict.GetByteCount(value);

    public static int GetBytes(string value, Span<byte> destination) => Strict.GetBytes(value, destination);
}

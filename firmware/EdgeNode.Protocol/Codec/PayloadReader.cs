using System.Text;

namespace EdgeNode.Protocol.Codec;

/// <summary>
/// Reads what <see cref="PayloadWriter"/> wrote, checking every length against what is left and every count
/// against <see cref="PayloadLimits"/> before anything is allocated.
/// </summary>
internal ref struct PayloadReader(ReadOnlySpan<byte> bytes)
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly ReadOnlySpan<byte> _bytes = bytes;
    private int _position;

    public readonly int Remaining => _bytes.Length - _position;

    public byte Byte(string what)
    {
        if (_position >= _bytes.Length)
        {
            throw Truncated(what);
        }
        return _bytes[_position++];
    }

    public ulong Unsigned(string what)
    {
        ulong value = 0;
        for (int shift = 0; shift < 64; shift += 7)
        {
            byte b = Byte(what);
            // The tenth byte may only hold the 64th bit; anything more overflows.
            if (shift == 63 && b > 1)
            {
                throw new PayloadRejectedException($"{what}: varint overflows 64 bits");
            }
            value |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return value;
            }
        }
        throw new PayloadRejectedException($"{what}: varint longer than 10 bytes");
    }

    public long Signed(string what)
    {
        ulong raw = Unsigned(what);
        return (long)(raw >> 1) ^ -(long)(raw & 1);
    }

    /// <summary>A non-negative count no larger than <paramref name="maximum"/>.</summary>
    public int Count(string what, int maximum)
    {
        ulong value = Unsigned(what);
        if (value > (ulong)maximum)
        {
            throw new PayloadRejectedException($"{what} is {value}; at most {maximum} allowed");
        }
        return (int)value;
    }

    public string Text(string what, int maximumBytes)
    {
        int length = Count($"{what} length", maximumBytes);
        if (length > Remaining)
        {
            throw Truncated(what);
        }
        ReadOnlySpan<byte> span = _bytes.Slice(_position, length);
        _position += length;
        try
        {
            string text = StrictUtf8.GetString(span);
            if (text.Contains('\0'))
            {
                throw new PayloadRejectedException($"{what} contains a NUL character");
            }
            return text;
        }
        catch (DecoderFallbackException)
        {
            throw new PayloadRejectedException($"{what} is not valid UTF-8");
        }
    }

    /// <summary>The node id every body starts with, held to the same rule as a topic's.</summary>
    public string NodeId()
    {
        string nodeId = Text("node id", Topics.NodeId.MaximumLength);
        if (!Topics.NodeId.IsValid(nodeId, out string problem))
        {
            throw new PayloadRejectedException($"node id in payload: {problem}");
        }
        return nodeId;
    }

    public DateTimeOffset Instant(string what) => FromSeconds(Unsigned(what), what);

    public DateTimeOffset? OptionalInstant(string what)
    {
        ulong raw = Unsigned(what);
        return raw == 0 ? null : FromSeconds(raw - 1, what);
    }

    public readonly void ExpectEnd(string what)
    {
        if (Remaining != 0)
        {
            throw new PayloadRejectedException($"{Remaining} unexpected bytes after the {what}");
        }
    }

    private static DateTimeOffset FromSeconds(ulong seconds, string what)
    {
        if (seconds > (ulong)PayloadLimits.LatestInstant.ToUnixTimeSeconds())
        {
            throw new PayloadRejectedException($"{what} lies after {PayloadLimits.LatestInstant:yyyy}");
        }
        return DateTimeOffset.FromUnixTimeSeconds((long)seconds);
    }

    private static PayloadRejectedException Truncated(string what) => new($"payload ends in the middle of {what} (truncated?)");
}

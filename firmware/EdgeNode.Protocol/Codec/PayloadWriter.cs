using System.Buffers;
using System.Text;

namespace EdgeNode.Protocol.Codec;

/// <summary>
/// Appends the protocol's primitives: LEB128 varints, zigzag signed varints, length-prefixed UTF-8 and Unix-second
/// instants. Not a MemoryStream because every value here is a handful of bytes and the writer never seeks.
/// </summary>
internal sealed class PayloadWriter
{
    private readonly ArrayBufferWriter<byte> _buffer = new(256);

    public int Length => _buffer.WrittenCount;

    public ReadOnlySpan<byte> Written => _buffer.WrittenSpan;

    public void Byte(byte value)
    {
        _buffer.GetSpan(1)[0] = value;
        _buffer.Advance(1);
    }

    public void Bytes(ReadOnlySpan<byte> bytes) => _buffer.Write(bytes);

    public void Unsigned(ulong value)
    {
        Span<byte> span = _buffer.GetSpan(10);
        int i = 0;
        while (value >= 0x80)
        {
            span[i++] = (byte)(value | 0x80);
            value >>= 7;
        }
        span[i++] = (byte)value;
        _buffer.Advance(i);
    }

    public void Count(int value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        Unsigned((ulong)value);
    }

    /// <summary>Small magnitudes of either sign stay small: 0, −1, 1, −2 … become 0, 1, 2, 3 ….</summary>
    public void Signed(long value) => Unsigned((ulong)((value << 1) ^ (value >> 63)));

    public void Text(string value, int maximumBytes)
    {
        int length = Encoding.UTF8.GetByteCount(value);
        if (length > maximumBytes)
        {
            throw new ArgumentException($"'{value}' takes {length} bytes in UTF-8; the protocol allows {maximumBytes}");
        }
        Count(length);
        Encoding.UTF8.GetBytes(value, _buffer.GetSpan(length));
        _buffer.Advance(length);
    }

    public void Instant(DateTimeOffset value) => Unsigned(Seconds(value));

    /// <summary>0 for none, otherwise seconds + 1, so an absent instant costs one byte.</summary>
    public void OptionalInstant(DateTimeOffset? value) => Unsigned(value is null ? 0 : Seconds(value.Value) + 1);

    private static ulong Seconds(DateTimeOffset value)
    {
        long seconds = value.ToUnixTimeSeconds();
        if (seconds < 0 || value > PayloadLimits.LatestInstant)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "instants travel as seconds from 1970 to 2100");
        }
        return (ulong)seconds;
    }
}

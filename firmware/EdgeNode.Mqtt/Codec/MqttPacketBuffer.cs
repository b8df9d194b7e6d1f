using System.Buffers.Binary;

namespace EdgeNode.Mqtt.Codec;

/// <summary>
/// Builds one outgoing packet in place. Not a MemoryStream: the Remaining Length in the fixed header is
/// only known once the body is written, so the body starts after five reserved bytes and the header is
/// then written immediately before it. The packet leaves as one contiguous slice, with no second copy
/// and no per-packet allocation once the buffer has grown to the usual size. One buffer per connection,
/// used under its write lock; the returned slice is valid until the next packet is started.
/// </summary>
internal sealed class MqttPacketBuffer
{
    private const int HeaderReserve = 1 + RemainingLength.MaximumBytes;
    private const int KeepCapacity = 64 * 1024;

    private byte[] _buffer = new byte[512];
    private int _position = HeaderReserve;

    public int BodyLength => _position - HeaderReserve;

    public void Reset()
    {
        // A rare large payload should not pin a large array for the life of the connection.
        if (_buffer.Length > KeepCapacity)
            _buffer = new byte[512];
        _position = HeaderReserve;
    }

    public void WriteByte(byte value)
    {
        Ensure(1);
        _buffer[_position++] = value;
    }

    public void WriteUInt16(ushort value)
    {
        Ensure(2);
        BinaryPrimitives.WriteUInt16BigEndian(_buffer.AsSpan(_position), value);
        _position += 2;
    }

    public void WriteBytes(ReadOnlySpan<byte> bytes)
    {
        Ensure(bytes.Length);
        bytes.CopyTo(_buffer.AsSpan(_position));
        _position += bytes.Length;
    }

    /// <summary>Two-byte length, then the bytes (1.5.3 for strings; the same shape for will message and password).</summary>
    public void WriteBinary(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > ushort.MaxValue)
            throw new ArgumentException($"A length-prefixed MQTT field holds at most {ushort.MaxValue:N0} bytes; this one has {bytes.Length:N0}.");
        WriteUInt16((ushort)bytes.Length);
        WriteBytes(bytes);
    }

    public void WriteString(string value, string field)
    {
        var count = MqttStrings.ValidateOutgoing(value, field);
        WriteUInt16((ushort)count);
        Ensure(count);
        _position += MqttStrings.GetBytes(value, _buffer.AsSpan(_position));
    }

    /// <summary>Places the fixed header before the body and returns the whole packet.</summary>
    public ReadOnlyMemory<byte> Complete(byte fixedHeader)
    {
        Span<byte> length = stackalloc byte[RemainingLength.MaximumBytes];
        var count = RemainingLength.Encode(BodyLength, length);
        var start = HeaderReserve - 1 - count;
        _buffer[start] = fixedHeader;
        length[..count].CopyTo(_buffer.AsSpan(start + 1));
        return _buffer.AsMemory(start, _position - start);
    }

    private void Ensure(int additional)
    {
        var needed = (long)_position + additional;
        if (needed - HeaderReserve > RemainingLength.Maximum)
            throw new ArgumentException($"MQTT packet body would exceed {RemainingLength.Maximum:N0} bytes (2.2.3).");
        if (needed <= _buffer.Length)
            return;
        var size = (int)Math.Min(Math.Max(needed, (long)_buffer.Length * 2), RemainingLength.Maximum + HeaderReserve);
        Array.Resize(ref _buffer, size);
    }
}

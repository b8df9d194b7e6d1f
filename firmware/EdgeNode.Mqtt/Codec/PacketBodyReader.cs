using System.Buffers.Binary;
using EdgeNode.Mqtt.Packets;

namespace EdgeNode.Mqtt.Codec;

/// <summary>Reads the fields of one packet body; running out of bytes is a malformed packet, never an IndexOutOfRange.</summary>
internal ref struct PacketBodyReader(ReadOnlySpan<byte> body, MqttPacketType type)
{
    private readonly ReadOnlySpan<byte> _body = body;
    private int _position;

    public readonly int Remaining => _body.Length - _position;

    public byte ReadByte(string field)
    {
        Need(1, field);
        return _body[_position++];
    }

    public ushort ReadUInt16(string field)
    {
        Need(2, field);
        var value = BinaryPrimitives.ReadUInt16BigEndian(_body[_position..]);
        _position += 2;
        return value;
    }

    public string ReadString(string field)
    {
        var length = ReadUInt16(field + " length");
        Need(length, field);
        var text = MqttStrings.Decode(_body.Slice(_position, length), field);
        _position += length;
        return text;
    }

    public ReadOnlySpan<byte> ReadRest()
    {
        var rest = _body[_position..];
        _position = _body.Length;
        return rest;
    }

    private readonly void Need(int count, string field)
    {
        if (Remaining < count)
            throw new MqttProtocolViolationException("[MQTT-2.2.3]", $"{type} ends inside its {field}: the Remaining Length does not cover the fields.");
    }
}

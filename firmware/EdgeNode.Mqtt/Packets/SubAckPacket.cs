namespace EdgeNode.Mqtt.Packets;

/// <summary>One return code per requested filter, in order: the granted QoS, or 0x80 for failure.</summary>
internal sealed record SubAckPacket(ushort PacketId, IReadOnlyList<byte> ReturnCodes) : MqttPacket
{
    public const byte Failure = 0x80;
}

namespace EdgeNode.Mqtt.Packets;

internal sealed record UnsubAckPacket(ushort PacketId) : MqttPacket;

namespace EdgeNode.Mqtt.Packets;

internal sealed record PubAckPacket(ushort PacketId) : MqttPacket;

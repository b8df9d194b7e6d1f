namespace EdgeNode.Mqtt.Packets;

internal sealed record UnsubscribePacket(ushort PacketId, IReadOnlyList<string> TopicFilters) : MqttPacket;

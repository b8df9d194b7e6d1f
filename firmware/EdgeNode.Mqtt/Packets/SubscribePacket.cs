namespace EdgeNode.Mqtt.Packets;

internal sealed record SubscribePacket(ushort PacketId, IReadOnlyList<MqttSubscription> Subscriptions) : MqttPacket;

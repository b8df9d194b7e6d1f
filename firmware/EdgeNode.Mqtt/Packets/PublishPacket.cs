namespace EdgeNode.Mqtt.Packets;

/// <summary>PacketId is 0 for QoS 0, where the packet carries none [MQTT-2.3.1-5].</summary>
internal sealed record PublishPacket(
    string Topic,
    ReadOnlyMemory<byte> Payload,
    MqttQualityOfService QualityOfService,
    bool Retain,
    bool Duplicate,
    ushort PacketId) : MqttPacket
{
    public MqttApplicationMessage ToApplicationMessage() => new(Topic, Payload, QualityOfService, Retain);
}

namespace EdgeNode.Mqtt.Packets;

internal sealed record PingRespPacket : MqttPacket
{
    public static readonly PingRespPacket Instance = new();
}

namespace EdgeNode.Mqtt.Packets;

internal sealed record PingReqPacket : MqttPacket
{
    public static readonly PingReqPacket Instance = new();
}

namespace EdgeNode.Mqtt.Packets;

internal sealed record DisconnectPacket : MqttPacket
{
    public static readonly DisconnectPacket Instance = new();
}

namespace EdgeNode.Mqtt.Packets;

internal sealed record ConnectPacket(
    string ClientId,
    bool CleanSession,
    ushort KeepAliveSeconds,
    MqttApplicationMessage? Will,
    string? Username,
    string? Password) : MqttPacket;

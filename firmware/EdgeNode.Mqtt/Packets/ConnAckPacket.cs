namespace EdgeNode.Mqtt.Packets;

internal sealed record ConnAckPacket(bool SessionPresent, ConnectReturnCode ReturnCode) : MqttPacket;

namespace EdgeNode.Mqtt.Packets;

/// <summary>One MQTT control packet, decoded. Each type is its own small record.</summary>
internal abstract record MqttPacket;

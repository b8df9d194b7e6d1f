namespace EdgeNode.MqttLink;

/// <summary>One application message, as published or as delivered to the message handler.</summary>
public sealed record MqttApplicationMessage(
    string Topic,
    ReadOnlyMemory<byte> Payload,
    MqttQualityOfService QualityOfService = MqttQualityOfService.AtMostOnce,
    bool Retain = false);

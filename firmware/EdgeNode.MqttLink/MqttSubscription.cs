namespace EdgeNode.MqttLink;

/// <summary>A topic filter (wildcards allowed) and the highest QoS we want messages delivered with.</summary>
public sealed record MqttSubscription(
    string TopicFilter,
    MqttQualityOfService MaximumQualityOfService = MqttQualityOfService.AtLeastOnce);

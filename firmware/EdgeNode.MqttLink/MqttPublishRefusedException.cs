namespace EdgeNode.MqttLink;

/// <summary>
/// The broker answered a QoS 1 publish with an MQTT 5 failure reason code (PUBACK 0x80 or above), e.g. 0x87 when its
/// ACL forbids this client the topic. With MQTT 3.1.1 the broker acknowledged such a message and dropped it in silence.
/// </summary>
public sealed class MqttPublishRefusedException(string topic, string reasonCode, string? reasonString)
    : Exception($"The broker refused the message on {topic} (PUBACK {reasonCode}{(string.IsNullOrEmpty(reasonString) ? "" : $": {reasonString}")}): check the broker's ACL for this client.")
{
    public string Topic { get; } = topic;

    /// <summary>The reason code's name, e.g. "NotAuthorized".</summary>
    public string ReasonCode { get; } = reasonCode;
}

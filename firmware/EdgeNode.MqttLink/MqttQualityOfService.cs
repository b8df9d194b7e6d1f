namespace EdgeNode.MqttLink;

/// <summary>
/// The delivery guarantees this client offers. QoS 2 (exactly once) is deliberately absent: we never
/// publish or subscribe with it, so a QoS 2 PUBLISH from the broker is treated as a protocol violation.
/// </summary>
public enum MqttQualityOfService : byte
{
    AtMostOnce = 0,
    AtLeastOnce = 1,
}

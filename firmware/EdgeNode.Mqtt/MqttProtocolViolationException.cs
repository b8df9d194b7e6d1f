namespace EdgeNode.Mqtt;

/// <summary>
/// The peer sent bytes MQTT 3.1.1 forbids. The connection closes on it ([MQTT-4.8.0-1]); the client
/// catches it, logs it once and reconnects. <see cref="Clause"/> names the rule that was broken.
/// </summary>
public sealed class MqttProtocolViolationException(string clause, string description)
    : Exception($"{description} {clause}")
{
    /// <summary>The specification clause, e.g. "[MQTT-2.2.2-2]".</summary>
    public string Clause { get; } = clause;
}

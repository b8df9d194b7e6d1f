namespace EdgeNode.MqttLink;

/// <summary>The operation needs a live connection (a QoS 0 publish) and there is none right now.</summary>
public sealed class MqttNotConnectedException(string message) : Exception(message);

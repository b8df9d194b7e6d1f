namespace EdgeNode.MqttLink.Connection;

/// <summary>The TCP connection to the broker could not be made; MQTTnet wraps it, <see cref="FailureWords"/> finds it.</summary>
internal sealed class BrokerUnreachableException(string detail, Exception inner) : Exception(detail, inner);

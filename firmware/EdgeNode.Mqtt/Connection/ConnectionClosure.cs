namespace EdgeNode.Mqtt.Connection;

/// <summary>How one network connection ended. Clause is set for protocol violations.</summary>
internal sealed record ConnectionClosure(MqttConnectionFailure Failure, string? Detail, string? Clause = null);

namespace EdgeNode.MqttLink.Connection;

/// <summary>Why a connection attempt failed or a connection ended, in words for the log and the connection state.</summary>
internal sealed record ConnectionProblem(MqttConnectionFailure Failure, string Detail);

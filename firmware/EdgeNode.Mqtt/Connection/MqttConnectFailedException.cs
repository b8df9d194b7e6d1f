namespace EdgeNode.Mqtt.Connection;

/// <summary>A connection attempt failed; the supervising loop records why and tries again later.</summary>
internal sealed class MqttConnectFailedException(MqttConnectionFailure failure, string detail, Exception? inner = null)
    : Exception(detail, inner)
{
    public MqttConnectionFailure Failure { get; } = failure;
}

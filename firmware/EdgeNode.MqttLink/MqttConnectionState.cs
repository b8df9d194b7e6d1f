namespace EdgeNode.MqttLink;

/// <summary>
/// A snapshot of the connection: whether it is up, and the most recent reason it was not
/// (kept after a successful reconnect so that health reports can say what happened last).
/// </summary>
public sealed record MqttConnectionState(
    bool IsConnected,
    MqttConnectionFailure LastFailure,
    string? LastFailureDetail,
    DateTimeOffset Since);

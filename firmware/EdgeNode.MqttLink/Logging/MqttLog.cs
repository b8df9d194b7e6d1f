using Microsoft.Extensions.Logging;

namespace EdgeNode.MqttLink.Logging;

/// <summary>
/// Every log line the client writes, one per event. Information is kept for what an operator wants in the
/// journal (connected, stopped); expected trouble is Warning once per episode; chatter is Debug.
/// </summary>
internal static partial class MqttLog
{
    [LoggerMessage(1, LogLevel.Information, "MQTT connected to {Host}:{Port} as {ClientId} (MQTT 5, session present: {SessionPresent})")]
    public static partial void Connected(ILogger logger, string host, int port, string clientId, bool sessionPresent);

    [LoggerMessage(2, LogLevel.Warning, "MQTT cannot connect to {Host}:{Port}: {Failure}: {Detail}; retrying with back-off (next in {DelayMilliseconds} ms)")]
    public static partial void ConnectFailed(ILogger logger, string host, int port, MqttConnectionFailure failure, string? detail, long delayMilliseconds);

    [LoggerMessage(3, LogLevel.Debug, "MQTT still cannot connect to {Host}:{Port} (attempt {Attempt}): {Failure}: {Detail}; next in {DelayMilliseconds} ms")]
    public static partial void ConnectStillFailing(ILogger logger, string host, int port, int attempt, MqttConnectionFailure failure, string? detail, long delayMilliseconds);

    [LoggerMessage(4, LogLevel.Warning, "MQTT connection to {Host}:{Port} lost: {Failure}: {Detail}; reconnecting in {DelayMilliseconds} ms")]
    public static partial void ConnectionLost(ILogger logger, string host, int port, MqttConnectionFailure failure, string? detail, long delayMilliseconds);

    [LoggerMessage(6, LogLevel.Warning, "MQTT message handler failed for topic {Topic}; the message is acknowledged anyway so it cannot block the stream")]
    public static partial void HandlerFailed(ILogger logger, string topic, Exception exception);

    [LoggerMessage(7, LogLevel.Warning, "MQTT broker refused subscription to {TopicFilter} (SUBACK failure); check its ACL for this client")]
    public static partial void SubscriptionRefused(ILogger logger, string topicFilter);

    [LoggerMessage(8, LogLevel.Information, "MQTT client for {Host}:{Port} stopped")]
    public static partial void Stopped(ILogger logger, string host, int port);

    [LoggerMessage(11, LogLevel.Error, "MQTT supervising loop caught an unexpected error; it carries on")]
    public static partial void SupervisorError(ILogger logger, Exception exception);

    [LoggerMessage(12, LogLevel.Warning, "MQTT StateChanged handler threw; ignored")]
    public static partial void StateHandlerFailed(ILogger logger, Exception exception);
}

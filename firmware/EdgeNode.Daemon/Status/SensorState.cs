using EdgeNode.Sensors;

namespace EdgeNode.Daemon.Status;

/// <summary>One sensor as the technician sees it in <c>edgenode status</c>.</summary>
/// <param name="LastFault">Null while the last attempt succeeded.</param>
public sealed record SensorState(string Sensor, DateTimeOffset? LastGoodAt, SensorFaultKind? LastFault, string? LastFaultMessage, DateTimeOffset? LastFaultAt);

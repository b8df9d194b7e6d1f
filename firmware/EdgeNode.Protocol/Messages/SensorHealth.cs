namespace EdgeNode.Protocol.Messages;

/// <summary>One sensor in a health report.</summary>
/// <param name="LastFault">Null while the sensor's last attempt succeeded.</param>
public sealed record SensorHealth(string Sensor, WireFault? LastFault, DateTimeOffset? LastGoodAt, DateTimeOffset? LastFaultAt);

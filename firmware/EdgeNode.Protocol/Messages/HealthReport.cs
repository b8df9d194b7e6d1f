namespace EdgeNode.Protocol.Messages;

/// <summary>What a node says about itself on <c>up/health</c> at each sync. Byte counts travel in KiB.</summary>
/// <param name="CpuTemperatureCelsius">Null where the machine has no thermal zone.</param>
/// <param name="OldestBacklog">Start of the oldest window still waiting to be sent; null when the outbox is empty.</param>
/// <param name="AppliedConfigRevision">The revision of <c>down/config</c> in force; 0 before any was received.</param>
public sealed record HealthReport(
    string NodeId,
    DateTimeOffset ReportedAt,
    string FirmwareVersion,
    TimeSpan Uptime,
    double? CpuTemperatureCelsius,
    long DiskFreeBytes,
    long DiskTotalBytes,
    long MemoryAvailableBytes,
    long ProcessResidentBytes,
    WireClockState Clock,
    int BacklogWindows,
    DateTimeOffset? OldestBacklog,
    DateTimeOffset? LastSyncAt,
    int AppliedConfigRevision,
    IReadOnlyList<SensorHealth> Sensors);

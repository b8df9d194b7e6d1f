namespace EdgeNode.Daemon.Health;

/// <summary>The machine's own state, as the node reports it to the fleet and to <c>edgenode status</c>.</summary>
/// <param name="CpuTemperatureCelsius">Null where the kernel exposes no thermal zone (most virtual machines).</param>
/// <param name="DiskFreeBytes">Free space for the service on the file system holding the data directory.</param>
/// <param name="MemoryAvailableBytes">The kernel's estimate of memory available to start new work (MemAvailable).</param>
/// <param name="ProcessResidentBytes">This process's resident memory (VmRSS).</param>
public sealed record NodeVitals(
    TimeSpan Uptime,
    double? CpuTemperatureCelsius,
    long DiskFreeBytes,
    long DiskTotalBytes,
    long MemoryAvailableBytes,
    long ProcessResidentBytes);

using EdgeNode.Daemon.Wire;
using EdgeNode.Hardware.Clock;
using EdgeNode.Protocol.Messages;

namespace EdgeNode.Daemon.Status;

/// <summary>The health message is what <c>edgenode status</c> shows, in the protocol's terms.</summary>
public static class HealthReports
{
    public static HealthReport From(NodeStatus status, DateTimeOffset? lastSyncAt, int appliedConfigRevision) => new(
        status.NodeId,
        status.WrittenAt,
        status.FirmwareVersion,
        status.Vitals.Uptime,
        status.Vitals.CpuTemperatureCelsius,
        status.Vitals.DiskFreeBytes,
        status.Vitals.DiskTotalBytes,
        status.Vitals.MemoryAvailableBytes,
        status.Vitals.ProcessResidentBytes,
        status.Clock switch
        {
            ClockSynchronisation.Synchronised => WireClockState.Synchronised,
            ClockSynchronisation.Unsynchronised => WireClockState.Unsynchronised,
            _ => WireClockState.Unknown,
        },
        (status.Buffer.UnsentWindows ?? 0) + status.Buffer.QueuedInMemory,
        status.Buffer.OldestUnsentStart,
        lastSyncAt,
        appliedConfigRevision,
        status.Sensors.Select(s => new SensorHealth(s.Sensor, s.LastFault is { } f ? WireCodes.ToWire(f) : null, s.LastGoodAt, s.LastFaultAt)).ToList());
}

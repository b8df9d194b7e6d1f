using EdgeNode.Daemon.Buffer;
using EdgeNode.Daemon.Health;
using EdgeNode.Daemon.Uplink;
using EdgeNode.Hardware.Clock;

namespace EdgeNode.Daemon.Status;

/// <summary>What the running service last wrote about itself: the technician's <c>edgenode status</c> and, later, the uplink's health message.</summary>
public sealed record NodeStatus(
    string NodeId,
    string FirmwareVersion,
    DateTimeOffset WrittenAt,
    ClockSynchronisation Clock,
    NodeVitals Vitals,
    WindowBufferStatus Buffer,
    IReadOnlyList<SensorState> Sensors,
    UplinkStatus Uplink);

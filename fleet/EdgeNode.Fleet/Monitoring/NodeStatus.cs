namespace EdgeNode.Fleet.Monitoring;

/// <summary>
/// A node's state as the staff overview shows it: the most urgent of its <see cref="NodeProblem"/>s, or
/// <see cref="Healthy"/>. Declared from most to least urgent.
/// </summary>
public enum NodeStatus
{
    Silent,
    SensorFault,
    LowDisk,
    ClockUnsynchronised,
    OutdatedFirmware,
    Degraded,
    Healthy,
}

namespace EdgeNode.Protocol.Messages;

/// <summary>What went wrong with a sensor, as a byte on the wire (0 means no fault and is never a member).</summary>
public enum WireFault : byte
{
    NotPresent = 1,
    NotAnswering = 2,
    CorruptData = 3,
    OutOfRange = 4,
    Stuck = 5,
    WarmingUp = 6,

    /// <summary>No reading and no fault for several of the sensor's intervals: the node's sampling of it has stalled.</summary>
    Stale = 7,
}

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
}

namespace EdgeNode.Protocol.Messages;

/// <summary>How far a window's start time can be trusted; the node has no real-time clock.</summary>
public enum WireTimeQuality : byte
{
    Synchronised = 0,
    Restamped = 1,
    Unconfirmed = 2,
}

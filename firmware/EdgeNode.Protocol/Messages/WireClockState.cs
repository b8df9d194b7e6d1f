namespace EdgeNode.Protocol.Messages;

public enum WireClockState : byte
{
    Unknown = 0,
    Synchronised = 1,
    Unsynchronised = 2,
}

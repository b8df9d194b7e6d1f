namespace EdgeNode.Protocol.Messages;

/// <summary>Why a node dropped windows.</summary>
public enum WireGapCause : byte
{
    QuotaExceeded = 1,
    MemoryQueueOverflow = 2,
    UnreadableWindow = 3,
}

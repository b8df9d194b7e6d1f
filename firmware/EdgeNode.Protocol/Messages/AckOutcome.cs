namespace EdgeNode.Protocol.Messages;

public enum AckOutcome : byte
{
    /// <summary>Committed to the fleet's database: the node may delete it.</summary>
    Stored = 1,

    /// <summary>
    /// Refused as invalid and kept in the fleet's dead-letter table for staff to see: resending cannot help, so the
    /// node deletes it too.
    /// </summary>
    Rejected = 2,
}

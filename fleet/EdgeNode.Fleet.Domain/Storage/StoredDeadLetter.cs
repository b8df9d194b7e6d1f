namespace EdgeNode.Fleet.Storage;

/// <summary>A dead letter as read back: its id, what was kept of the payload and how long the payload really was.</summary>
/// <param name="Payload">At most <see cref="DeadLetter.MaximumStoredPayloadBytes"/>; the start of the original.</param>
/// <param name="OriginalLength">Length of the payload as received, in bytes.</param>
public sealed record StoredDeadLetter(long Id, DateTimeOffset ReceivedAt, string Topic, string? NodeId, byte[] Payload, int OriginalLength, string Reason)
{
    /// <summary>True when the stored payload is only the start of what was received.</summary>
    public bool Truncated => Payload.Length < OriginalLength;
}

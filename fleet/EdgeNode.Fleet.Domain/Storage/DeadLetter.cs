namespace EdgeNode.Fleet.Storage;

/// <summary>
/// A message the ingest could not use, kept so that an operator can see what a node sent and why it was refused.
/// The stores keep at most <see cref="MaximumStoredPayloadBytes"/> of <see cref="Payload"/> and remember its original length.
/// </summary>
/// <param name="NodeId">The sender when the topic named one; null when not even that could be read.</param>
public sealed record DeadLetter(DateTimeOffset ReceivedAt, string Topic, string? NodeId, byte[] Payload, string Reason)
{
    /// <summary>64 KiB: enough to diagnose a bad message, not enough for a misbehaving node to fill the disk.</summary>
    public const int MaximumStoredPayloadBytes = 64 * 1024;
}

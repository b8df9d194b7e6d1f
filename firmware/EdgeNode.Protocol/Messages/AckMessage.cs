namespace EdgeNode.Protocol.Messages;

/// <summary>The fleet's end-to-end acknowledgement on <c>down/ack</c>, sent only after its database commit.</summary>
/// <param name="Reason">Why it was rejected; null when stored.</param>
public sealed record AckMessage(string NodeId, AckSubject Subject, ulong Id, AckOutcome Outcome, string? Reason);

namespace EdgeNode.Protocol.Messages;

/// <summary>The node's answer on <c>up/ack</c> to a configuration revision.</summary>
/// <param name="Problem">Why the revision was refused (the node keeps its previous settings); null when applied.</param>
public sealed record ConfigApplied(string NodeId, int Revision, bool Applied, string? Problem);

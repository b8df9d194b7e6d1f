namespace EdgeNode.Protocol.Messages;

/// <summary>
/// The node's retained presence on <c>edge/{nodeId}/status</c>: online once connected; offline is its last will, so
/// the broker says it when the node vanishes, and the node says it itself on a clean stop.
/// </summary>
public sealed record StatusMessage(bool Online, DateTimeOffset Since);

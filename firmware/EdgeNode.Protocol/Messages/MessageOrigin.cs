namespace EdgeNode.Protocol.Messages;

/// <summary>
/// Who sent a Batch or an Alert and under which id, read from the opening of a payload that failed to decode: enough
/// for the fleet to answer the node with a Rejected ack instead of leaving it to resend for ever.
/// </summary>
/// <param name="Id">The batch id of a Batch, the alert id of an Alert.</param>
public sealed record MessageOrigin(string NodeId, ulong Id);

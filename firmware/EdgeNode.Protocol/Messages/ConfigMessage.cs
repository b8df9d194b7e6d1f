namespace EdgeNode.Protocol.Messages;

/// <summary>
/// The node's settings on <c>down/config</c>, retained so a node that reconnects gets the latest at once. Settings
/// are the node's own configuration keys (e.g. <c>Uplink:SyncInterval</c>) with text values, so a new setting needs
/// no new schema version.
/// </summary>
/// <param name="Revision">Increases with every change; the node applies a revision once and reports it.</param>
public sealed record ConfigMessage(string NodeId, int Revision, IReadOnlyDictionary<string, string> Settings);

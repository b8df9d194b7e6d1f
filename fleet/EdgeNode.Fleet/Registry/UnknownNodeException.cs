namespace EdgeNode.Fleet.Registry;

/// <summary>An operation on a node id the registry does not hold.</summary>
public sealed class UnknownNodeException(string nodeId) : Exception($"No node with the id '{nodeId}' is enrolled.")
{
    public string NodeId { get; } = nodeId;
}

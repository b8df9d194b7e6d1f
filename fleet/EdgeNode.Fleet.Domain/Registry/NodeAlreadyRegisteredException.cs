namespace EdgeNode.Fleet.Registry;

/// <summary>Enrolment of an id the registry already holds.</summary>
public sealed class NodeAlreadyRegisteredException(string nodeId)
    : Exception($"A node with the id '{nodeId}' is already enrolled. Choose another id, or rotate that node's credential.")
{
    public string NodeId { get; } = nodeId;
}

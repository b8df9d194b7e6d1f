namespace EdgeNode.Fleet.Monitoring;

/// <summary>The whole fleet at one instant: every node's state and how many nodes are in each status.</summary>
/// <param name="ReferenceFirmware">The version nodes are compared with (configured, or newest seen), if any.</param>
public sealed record FleetStatus(DateTimeOffset At, IReadOnlyList<NodeState> Nodes, IReadOnlyDictionary<NodeStatus, int> Counts, string? ReferenceFirmware)
{
    public int Count(NodeStatus status) => Counts.TryGetValue(status, out int count) ? count : 0;
}

using EdgeNode.Fleet.Registry;
using EdgeNode.Protocol.Messages;

namespace EdgeNode.Fleet.Monitoring;

/// <summary>One node as classified: what it is, what is wrong with it, in words for staff.</summary>
/// <param name="Reasons">One sentence per problem, for the overview and the node page.</param>
public sealed record NodeState(
    NodeObservation Observation,
    NodeStatus Status,
    NodeProblem Problems,
    IReadOnlyList<string> Reasons)
{
    public string NodeId => Observation.NodeId;

    public RegisteredNode? Registered => Observation.Registered;

    public HealthReport? Health => Observation.Health;

    public string Name => Registered?.Name ?? NodeId;

    public string Municipality => Registered?.Municipality ?? "";

    public string LampPostId => Registered?.LampPostId ?? "";

    public DateTimeOffset? LastSeen => Observation.LastSeen;

    public bool Has(NodeProblem problem) => (Problems & problem) == problem;
}

namespace EdgeNode.Fleet.Registry;

/// <summary>What one pass of <see cref="RegistryReconciler"/> found and did.</summary>
/// <param name="At">When the pass ended.</param>
/// <param name="NodeCount">The nodes the registry held.</param>
/// <param name="Repairs">What it changed at the broker, in the order it did it.</param>
/// <param name="NodesWithoutAccount">
/// Registered nodes the broker has no account for, by id: a pass cannot make one (the registry keeps only the hash of
/// the secret), rotating the node's credential does.
/// </param>
public sealed record RegistryReconciliation(DateTimeOffset At, int NodeCount, IReadOnlyList<BrokerAccountRepair> Repairs, IReadOnlyList<string> NodesWithoutAccount);

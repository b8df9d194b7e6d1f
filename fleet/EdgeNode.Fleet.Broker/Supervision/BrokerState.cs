namespace EdgeNode.Fleet.Broker.Supervision;

/// <summary>A snapshot of the supervised broker: its phase, in words for an operator, and its process while it has one.</summary>
public sealed record BrokerState(BrokerPhase Phase, string Description, int? ProcessId, DateTimeOffset Since);

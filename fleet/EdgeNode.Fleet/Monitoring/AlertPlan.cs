namespace EdgeNode.Fleet.Monitoring;

/// <summary>What one evaluation changes: alerts to raise and open alerts to clear.</summary>
public sealed record AlertPlan(IReadOnlyList<AlertCondition> Raise, IReadOnlyList<FleetAlert> Clear)
{
    public bool IsEmpty => Raise.Count == 0 && Clear.Count == 0;
}

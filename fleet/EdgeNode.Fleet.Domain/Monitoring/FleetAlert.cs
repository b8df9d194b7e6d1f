namespace EdgeNode.Fleet.Monitoring;

/// <summary>An alert as the fleet records it: raised once, cleared once its condition is gone, acknowledged by staff.</summary>
/// <param name="ClearedAt">Null while open.</param>
/// <param name="AcknowledgedBy">The staff user name that acknowledged it, or null.</param>
public sealed record FleetAlert(
    long Id,
    string NodeId,
    AlertKind Kind,
    string Subject,
    string Detail,
    double? Value,
    string? Band,
    DateTimeOffset RaisedAt,
    DateTimeOffset? ClearedAt,
    DateTimeOffset? AcknowledgedAt,
    string? AcknowledgedBy)
{
    public bool IsOpen => ClearedAt is null;

    public (string NodeId, AlertKind Kind, string Subject) Key => (NodeId, Kind, Subject);
}

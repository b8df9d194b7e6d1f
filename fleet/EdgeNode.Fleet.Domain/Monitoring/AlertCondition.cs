namespace EdgeNode.Fleet.Monitoring;

/// <summary>
/// Something that is wrong right now and deserves an alert. At most one alert is open per
/// (<see cref="NodeId"/>, <see cref="Kind"/>, <see cref="Subject"/>); <see cref="Detail"/> is what staff read.
/// </summary>
/// <param name="Subject">The sensor or pollutant concerned, or "" when the alert is about the whole node.</param>
/// <param name="Value">The measured value, for pollution alerts.</param>
/// <param name="Band">The crossed band as the node names it, for pollution alerts.</param>
public sealed record AlertCondition(string NodeId, AlertKind Kind, string Subject, string Detail, double? Value = null, string? Band = null)
{
    public (string NodeId, AlertKind Kind, string Subject) Key => (NodeId, Kind, Subject);
}

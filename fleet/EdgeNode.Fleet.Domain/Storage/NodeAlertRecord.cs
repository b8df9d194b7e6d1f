namespace EdgeNode.Fleet.Storage;

/// <summary>
/// A pollution alert a node raised (or later cleared). Keyed by (<see cref="NodeId"/>, <see cref="Pollutant"/>,
/// <see cref="RaisedAt"/>), so a redelivered alert is stored once and its clearing updates the same record.
/// </summary>
/// <param name="Band">The threshold band that was crossed, as the node names it (e.g. "information", "alert").</param>
/// <param name="Value">The measured value that crossed it, in the pollutant's own unit.</param>
public sealed record NodeAlertRecord(string NodeId, DateTimeOffset RaisedAt, string Pollutant, string Band, double Value, bool Cleared);

namespace EdgeNode.Fleet.Storage;

/// <summary>
/// A node's health report, kept verbatim (<see cref="Json"/> is stored as text, byte for byte). The stores keep the
/// latest report per node: an older report delivered late does not replace a newer one.
/// </summary>
public sealed record NodeHealthReport(string NodeId, DateTimeOffset ReportedAt, string Json);

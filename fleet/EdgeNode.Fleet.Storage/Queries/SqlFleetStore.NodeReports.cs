using Dapper;

namespace EdgeNode.Fleet.Storage.Queries;

/// <summary>What nodes reported about themselves: their latest health and their pollution alerts (tables node_health, node_alerts).</summary>
internal abstract partial class SqlFleetStore
{
    public Task<IReadOnlyList<NodeHealthReport>> ReadLatestHealthAsync(CancellationToken ct) =>
        OnConnectionAsync(
            (connection, token) => QueryAsync(
                connection,
                Command("SELECT node_id, reported_at, report_json FROM node_health ORDER BY node_id", null, token),
                row => new NodeHealthReport(row.GetString(0), Dialect.ReadInstant(row, 1), row.GetString(2))),
            ct);

    public Task<IReadOnlyList<NodeAlertRecord>> ReadAlertsAsync(string? nodeId, CancellationToken ct) =>
        OnConnectionAsync(
            (connection, token) => QueryAsync(
                connection,
                Command(
                    $"""
                    SELECT node_id, raised_at, pollutant, band, measured_value, cleared FROM node_alerts
                    {(nodeId is null ? "" : "WHERE node_id = @node")} ORDER BY raised_at, node_id, pollutant
                    """,
                    new { node = nodeId },
                    token),
                row => new NodeAlertRecord(row.GetString(0), Dialect.ReadInstant(row, 1), row.GetString(2), row.GetString(3), row.GetDouble(4), row.GetBoolean(5))),
            ct);
}

using System.Data.Common;
using Dapper;
using EdgeNode.Fleet.Monitoring;

namespace EdgeNode.Fleet.Storage.Queries;

/// <summary>Monitoring's alerts (table fleet_alerts); the last-data read differs by engine and is the engine store's.</summary>
internal abstract partial class SqlFleetStore : IMonitoringStore
{
    private const string AlertColumns =
        "id, node_id, kind, subject, detail, measured_value, band, raised_at, cleared_at, acknowledged_at, acknowledged_by";

    public Task<FleetAlert?> RaiseAlertAsync(AlertCondition condition, DateTimeOffset at, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(condition);
        return InTransactionAsync(
            // DO NOTHING against the partial unique index (one open alert per node, kind and subject): an alert already
            // open for this key stays the one, and nothing is returned.
            async (connection, transaction, token) => (await QueryAsync(
                connection,
                Command(
                    $"""
                    INSERT INTO fleet_alerts (node_id, kind, subject, detail, measured_value, band, raised_at)
                    VALUES (@node, @kind, @subject, @detail, @value, @band, @at)
                    ON CONFLICT DO NOTHING
                    RETURNING {AlertColumns}
                    """,
                    new
                    {
                        node = condition.NodeId, kind = AlertKindNames.ToName(condition.Kind), subject = condition.Subject, detail = condition.Detail,
                        value = condition.Value, band = condition.Band, at = Dialect.Instant(at),
                    },
                    token,
                    transaction),
                ReadFleetAlert)).FirstOrDefault(),
            ct);
    }

    public Task<bool> ClearAlertAsync(long id, DateTimeOffset at, CancellationToken ct) =>
        ChangeOneAsync("UPDATE fleet_alerts SET cleared_at = @at WHERE id = @id AND cleared_at IS NULL", new { id, at = Dialect.Instant(at) }, ct);

    public Task<bool> AcknowledgeAlertAsync(long id, string by, DateTimeOffset at, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        return ChangeOneAsync(
            "UPDATE fleet_alerts SET acknowledged_at = @at, acknowledged_by = @by WHERE id = @id AND acknowledged_at IS NULL",
            new { id, by, at = Dialect.Instant(at) },
            ct);
    }

    public async Task<FleetAlert?> FindAlertAsync(long id, CancellationToken ct) =>
        (await ReadAlertsAsync($"SELECT {AlertColumns} FROM fleet_alerts WHERE id = @id", new { id }, ct)).FirstOrDefault();

    public Task<IReadOnlyList<FleetAlert>> ReadOpenAlertsAsync(string? nodeId, CancellationToken ct) =>
        ReadAlertsAsync(
            $"""
            SELECT {AlertColumns} FROM fleet_alerts
            WHERE cleared_at IS NULL {(nodeId is null ? "" : "AND node_id = @node")}
            ORDER BY raised_at DESC, id DESC
            """,
            new { node = nodeId },
            ct);

    public Task<IReadOnlyList<FleetAlert>> ReadClearedAlertsAsync(string? nodeId, DateTimeOffset since, int limit, CancellationToken ct) =>
        ReadAlertsAsync(
            $"""
            SELECT {AlertColumns} FROM fleet_alerts
            WHERE cleared_at >= @since {(nodeId is null ? "" : "AND node_id = @node")}
            ORDER BY cleared_at DESC, id DESC LIMIT @limit
            """,
            new { node = nodeId, since = Dialect.Instant(since), limit = Math.Max(0, limit) },
            ct);

    public abstract Task<IReadOnlyDictionary<string, DateTimeOffset>> ReadLastDataAsync(IReadOnlyCollection<string> nodeIds, CancellationToken ct);

    private Task<IReadOnlyList<FleetAlert>> ReadAlertsAsync(string sql, object parameters, CancellationToken ct) =>
        OnConnectionAsync((connection, token) => QueryAsync(connection, Command(sql, parameters, token), ReadFleetAlert), ct);

    private FleetAlert ReadFleetAlert(DbDataReader row) => new(
        row.GetInt64(0), row.GetString(1), AlertKindNames.FromName(row.GetString(2)), row.GetString(3), row.GetString(4),
        row.IsDBNull(5) ? null : row.GetDouble(5), row.IsDBNull(6) ? null : row.GetString(6),
        Dialect.ReadInstant(row, 7), Dialect.ReadOptionalInstant(row, 8), Dialect.ReadOptionalInstant(row, 9),
        row.IsDBNull(10) ? null : row.GetString(10));
}

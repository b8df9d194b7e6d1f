using EdgeNode.Fleet.Monitoring;
using Microsoft.Data.Sqlite;

namespace EdgeNode.Fleet.Storage.Sqlite;

/// <summary>Monitoring's alerts and last-data reads on the SQLite file (<see cref="IMonitoringStore"/>).</summary>
internal sealed partial class SqliteFleetStore : IMonitoringStore
{
    private const string AlertColumns =
        "id, node_id, kind, subject, detail, measured_value, band, raised_at_us, cleared_at_us, acknowledged_at_us, acknowledged_by";

    public Task<FleetAlert?> RaiseAlertAsync(AlertCondition condition, DateTimeOffset at, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(condition);
        return WriteAsync(ct, (connection, transaction) =>
        {
            // DO NOTHING against the partial unique index: an alert already open for this key stays the one.
            using SqliteCommand command = Command(
                connection,
                $"""
                INSERT INTO fleet_alerts (node_id, kind, subject, detail, measured_value, band, raised_at_us)
                VALUES ($node, $kind, $subject, $detail, $value, $band, $at)
                ON CONFLICT DO NOTHING
                RETURNING {AlertColumns}
                """,
                ("$node", condition.NodeId), ("$kind", AlertKindNames.ToName(condition.Kind)), ("$subject", condition.Subject),
                ("$detail", condition.Detail), ("$value", condition.Value), ("$band", condition.Band), ("$at", StoredInstant.ToUnixMicroseconds(at)));
            command.Transaction = transaction;
            return ReadAll(command, ReadFleetAlert).FirstOrDefault();
        });
    }

    public Task<bool> ClearAlertAsync(long id, DateTimeOffset at, CancellationToken ct) =>
        WriteAsync(ct, (connection, transaction) =>
        {
            using SqliteCommand command = Command(connection, "UPDATE fleet_alerts SET cleared_at_us = $at WHERE id = $id AND cleared_at_us IS NULL",
                ("$id", id), ("$at", StoredInstant.ToUnixMicroseconds(at)));
            command.Transaction = transaction;
            return command.ExecuteNonQuery() == 1;
        });

    public Task<bool> AcknowledgeAlertAsync(long id, string by, DateTimeOffset at, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        return WriteAsync(ct, (connection, transaction) =>
        {
            using SqliteCommand command = Command(
                connection,
                "UPDATE fleet_alerts SET acknowledged_at_us = $at, acknowledged_by = $by WHERE id = $id AND acknowledged_at_us IS NULL",
                ("$id", id), ("$by", by), ("$at", StoredInstant.ToUnixMicroseconds(at)));
            command.Transaction = transaction;
            return command.ExecuteNonQuery() == 1;
        });
    }

    public Task<FleetAlert?> FindAlertAsync(long id, CancellationToken ct) =>
        ReadAsync(ct, connection =>
        {
            using SqliteCommand command = Command(connection, $"SELECT {AlertColumns} FROM fleet_alerts WHERE id = $id", ("$id", id));
            return ReadAll(command, ReadFleetAlert).FirstOrDefault();
        });

    public Task<IReadOnlyList<FleetAlert>> ReadOpenAlertsAsync(string? nodeId, CancellationToken ct) =>
        ReadAsync(ct, connection =>
        {
            using SqliteCommand command = Command(
                connection,
                $"""
                SELECT {AlertColumns} FROM fleet_alerts
                WHERE cleared_at_us IS NULL {(nodeId is null ? "" : "AND node_id = $node")}
                ORDER BY raised_at_us DESC, id DESC
                """,
                ("$node", nodeId));
            return ReadAll(command, ReadFleetAlert);
        });

    public Task<IReadOnlyList<FleetAlert>> ReadClearedAlertsAsync(string? nodeId, DateTimeOffset since, int limit, CancellationToken ct) =>
        ReadAsync(ct, connection =>
        {
            using SqliteCommand command = Command(
                connection,
                $"""
                SELECT {AlertColumns} FROM fleet_alerts
                WHERE cleared_at_us >= $since {(nodeId is null ? "" : "AND node_id = $node")}
                ORDER BY cleared_at_us DESC, id DESC LIMIT $limit
                """,
                ("$node", nodeId), ("$since", StoredInstant.ToUnixMicroseconds(since)), ("$limit", Math.Max(0, limit)));
            return ReadAll(command, ReadFleetAlert);
        });

    public Task<IReadOnlyDictionary<string, DateTimeOffset>> ReadLastDataAsync(IReadOnlyCollection<string> nodeIds, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(nodeIds);
        return ReadAsync<IReadOnlyDictionary<string, DateTimeOffset>>(ct, connection =>
        {
            // Each subquery is one seek on a (node_id, window_start …) index, so the cost follows the number of nodes,
            // not the years of windows behind them.
            using SqliteCommand command = Command(
                connection,
                """
                SELECT max(
                    coalesce((SELECT window_start + window_seconds FROM metric_windows WHERE node_id = $node ORDER BY window_start DESC LIMIT 1), -1),
                    coalesce((SELECT window_start + window_seconds FROM traffic_windows WHERE node_id = $node ORDER BY window_start DESC LIMIT 1), -1))
                """,
                ("$node", ""));
            var ends = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
            foreach (string nodeId in nodeIds.Distinct(StringComparer.Ordinal))
            {
                command.Parameters["$node"].Value = nodeId;
                long end = (long)command.ExecuteScalar()!;
                if (end >= 0)
                {
                    ends[nodeId] = StoredInstant.FromUnixSeconds(end);
                }
            }

            return ends;
        });
    }

    private static FleetAlert ReadFleetAlert(SqliteDataReader row) => new(
        row.GetInt64(0), row.GetString(1), AlertKindNames.FromName(row.GetString(2)), row.GetString(3), row.GetString(4),
        row.IsDBNull(5) ? null : row.GetDouble(5), row.IsDBNull(6) ? null : row.GetString(6),
        StoredInstant.FromUnixMicroseconds(row.GetInt64(7)),
        row.IsDBNull(8) ? null : StoredInstant.FromUnixMicroseconds(row.GetInt64(8)),
        row.IsDBNull(9) ? null : StoredInstant.FromUnixMicroseconds(row.GetInt64(9)),
        row.IsDBNull(10) ? null : row.GetString(10));
}

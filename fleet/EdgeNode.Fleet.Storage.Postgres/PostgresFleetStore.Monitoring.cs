using EdgeNode.Fleet.Monitoring;
using Npgsql;
using NpgsqlTypes;

namespace EdgeNode.Fleet.Storage.Postgres;

/// <summary>Monitoring's alerts and last-data reads on PostgreSQL (<see cref="IMonitoringStore"/>).</summary>
internal sealed partial class PostgresFleetStore : IMonitoringStore
{
    private const string AlertColumns =
        "id, node_id, kind, subject, detail, measured_value, band, raised_at, cleared_at, acknowledged_at, acknowledged_by";

    public Task<FleetAlert?> RaiseAlertAsync(AlertCondition condition, DateTimeOffset at, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(condition);
        return ReadAsync(ct, async (connection, token) =>
        {
            // DO NOTHING against the partial unique index: an alert already open for this key stays the one.
            await using NpgsqlCommand command = Command(
                connection,
                $"""
                INSERT INTO fleet_alerts (node_id, kind, subject, detail, measured_value, band, raised_at)
                VALUES ($1, $2, $3, $4, $5, $6, $7)
                ON CONFLICT (node_id, kind, subject) WHERE cleared_at IS NULL DO NOTHING
                RETURNING {AlertColumns}
                """,
                Text(condition.NodeId), Text(AlertKindNames.ToName(condition.Kind)), Text(condition.Subject), Text(condition.Detail),
                new NpgsqlParameter { Value = (object?)condition.Value ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Double },
                Text(condition.Band), AlertInstant(at));
            return (await ReadAllAsync(command, token, ReadFleetAlert)).FirstOrDefault();
        });
    }

    public Task<bool> ClearAlertAsync(long id, DateTimeOffset at, CancellationToken ct) =>
        ReadAsync(ct, async (connection, token) =>
        {
            await using NpgsqlCommand command = Command(connection, "UPDATE fleet_alerts SET cleared_at = $2 WHERE id = $1 AND cleared_at IS NULL",
                new NpgsqlParameter { Value = id, NpgsqlDbType = NpgsqlDbType.Bigint }, AlertInstant(at));
            return await command.ExecuteNonQueryAsync(token) == 1;
        });

    public Task<bool> AcknowledgeAlertAsync(long id, string by, DateTimeOffset at, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        return ReadAsync(ct, async (connection, token) =>
        {
            await using NpgsqlCommand command = Command(
                connection,
                "UPDATE fleet_alerts SET acknowledged_at = $3, acknowledged_by = $2 WHERE id = $1 AND acknowledged_at IS NULL",
                new NpgsqlParameter { Value = id, NpgsqlDbType = NpgsqlDbType.Bigint }, Text(by), AlertInstant(at));
            return await command.ExecuteNonQueryAsync(token) == 1;
        });
    }

    public Task<FleetAlert?> FindAlertAsync(long id, CancellationToken ct) =>
        ReadAsync(ct, async (connection, token) =>
        {
            await using NpgsqlCommand command = Command(connection, $"SELECT {AlertColumns} FROM fleet_alerts WHERE id = $1",
                new NpgsqlParameter { Value = id, NpgsqlDbType = NpgsqlDbType.Bigint });
            return (await ReadAllAsync(command, token, ReadFleetAlert)).FirstOrDefault();
        });

    public Task<IReadOnlyList<FleetAlert>> ReadOpenAlertsAsync(string? nodeId, CancellationToken ct) =>
        ReadAsync(ct, async (connection, token) =>
        {
            await using NpgsqlCommand command = Command(
                connection,
                $"""
                SELECT {AlertColumns} FROM fleet_alerts
                WHERE cleared_at IS NULL AND ($1::text IS NULL OR node_id = $1)
                ORDER BY raised_at DESC, id DESC
                """,
                Text(nodeId));
            return await ReadAllAsync(command, token, ReadFleetAlert);
        });

    public Task<IReadOnlyList<FleetAlert>> ReadClearedAlertsAsync(string? nodeId, DateTimeOffset since, int limit, CancellationToken ct) =>
        ReadAsync(ct, async (connection, token) =>
        {
            await using NpgsqlCommand command = Command(
                connection,
                $"""
                SELECT {AlertColumns} FROM fleet_alerts
                WHERE cleared_at >= $2 AND ($1::text IS NULL OR node_id = $1)
                ORDER BY cleared_at DESC, id DESC LIMIT $3
                """,
                Text(nodeId), AlertInstant(since), new NpgsqlParameter { Value = Math.Max(0, limit), NpgsqlDbType = NpgsqlDbType.Integer });
            return await ReadAllAsync(command, token, ReadFleetAlert);
        });

    public Task<IReadOnlyDictionary<string, DateTimeOffset>> ReadLastDataAsync(IReadOnlyCollection<string> nodeIds, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(nodeIds);
        return ReadAsync<IReadOnlyDictionary<string, DateTimeOffset>>(ct, async (connection, token) =>
        {
            // One index seek per node and table (ORDER BY … DESC LIMIT 1 on the (node_id, window_start …) indexes), so
            // the cost follows the number of nodes, not the years of windows behind them.
            await using NpgsqlCommand command = Command(
                connection,
                """
                SELECT n.node_id, greatest(
                    (SELECT m.window_start + m.window_seconds * interval '1 second' FROM metric_windows m
                     WHERE m.node_id = n.node_id ORDER BY m.window_start DESC LIMIT 1),
                    (SELECT t.window_start + t.window_seconds * interval '1 second' FROM traffic_windows t
                     WHERE t.node_id = n.node_id ORDER BY t.window_start DESC LIMIT 1))
                FROM unnest($1::text[]) AS n(node_id)
                """,
                new NpgsqlParameter { Value = nodeIds.Distinct(StringComparer.Ordinal).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
            var ends = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
            await using NpgsqlDataReader reader = await command.ExecuteReaderAsync(token);
            while (await reader.ReadAsync(token))
            {
                if (!reader.IsDBNull(1))
                {
                    ends[reader.GetString(0)] = reader.GetFieldValue<DateTimeOffset>(1);
                }
            }

            return ends;
        });
    }

    private static NpgsqlParameter AlertInstant(DateTimeOffset at) => new() { Value = StoredInstant.ToUtcMicroseconds(at), NpgsqlDbType = NpgsqlDbType.TimestampTz };

    private static FleetAlert ReadFleetAlert(NpgsqlDataReader row) => new(
        row.GetInt64(0), row.GetString(1), AlertKindNames.FromName(row.GetString(2)), row.GetString(3), row.GetString(4),
        row.IsDBNull(5) ? null : row.GetDouble(5), row.IsDBNull(6) ? null : row.GetString(6),
        row.GetFieldValue<DateTimeOffset>(7),
        row.IsDBNull(8) ? null : row.GetFieldValue<DateTimeOffset>(8),
        row.IsDBNull(9) ? null : row.GetFieldValue<DateTimeOffset>(9),
        row.IsDBNull(10) ? null : row.GetString(10));
}

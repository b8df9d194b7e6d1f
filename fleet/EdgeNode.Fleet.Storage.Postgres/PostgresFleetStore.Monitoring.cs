using Npgsql;
using NpgsqlTypes;

namespace EdgeNode.Fleet.Storage.Postgres;

/// <summary>Monitoring's last-data read on PostgreSQL: the one monitoring query that differs by engine.</summary>
internal sealed partial class PostgresFleetStore
{
    public override Task<IReadOnlyDictionary<string, DateTimeOffset>> ReadLastDataAsync(IReadOnlyCollection<string> nodeIds, CancellationToken ct)
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
}

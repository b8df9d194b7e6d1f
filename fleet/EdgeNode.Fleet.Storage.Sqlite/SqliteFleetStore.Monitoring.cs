using Microsoft.Data.Sqlite;

namespace EdgeNode.Fleet.Storage.Sqlite;

/// <summary>Monitoring's last-data read on the SQLite file: the one monitoring query that differs by engine.</summary>
internal sealed partial class SqliteFleetStore
{
    public override Task<IReadOnlyDictionary<string, DateTimeOffset>> ReadLastDataAsync(IReadOnlyCollection<string> nodeIds, CancellationToken ct)
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
}

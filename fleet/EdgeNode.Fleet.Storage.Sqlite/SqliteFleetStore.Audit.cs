using EdgeNode.Fleet.Audit;
using Microsoft.Data.Sqlite;

namespace EdgeNode.Fleet.Storage.Sqlite;

/// <summary>The audit log in the SQLite file (table audit_log).</summary>
internal sealed partial class SqliteFleetStore : IAuditStore
{
    public Task<long> AppendAuditEntryAsync(AuditEntry entry, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return WriteAsync(ct, connection =>
        {
            using SqliteCommand command = Command(
                connection,
                "INSERT INTO audit_log (at_us, actor, action, target, details) VALUES ($at, $actor, $action, $target, $details) RETURNING id",
                ("$at", StoredInstant.ToUnixMicroseconds(entry.At)), ("$actor", entry.Actor), ("$action", entry.Action),
                ("$target", entry.Target), ("$details", entry.Details));
            return (long)command.ExecuteScalar()!;
        });
    }

    public Task<IReadOnlyList<AuditEntry>> ReadAuditEntriesAsync(int limit, long? beforeId, CancellationToken ct) =>
        ReadAsync(ct, connection =>
        {
            using SqliteCommand command = Command(
                connection,
                $"""
                SELECT id, at_us, actor, action, target, details FROM audit_log
                {(beforeId is null ? "" : "WHERE id < $before")} ORDER BY id DESC LIMIT $limit
                """,
                ("$before", beforeId), ("$limit", Math.Max(0, limit)));
            return ReadAll(command, row => new AuditEntry(
                row.GetInt64(0), StoredInstant.FromUnixMicroseconds(row.GetInt64(1)), row.GetString(2), row.GetString(3), row.GetString(4), row.GetString(5)));
        });
}

using EdgeNode.Fleet.Audit;
using Npgsql;
using NpgsqlTypes;

namespace EdgeNode.Fleet.Storage.Postgres;

/// <summary>The audit log in PostgreSQL (table audit_log).</summary>
internal sealed partial class PostgresFleetStore : IAuditStore
{
    public Task<long> AppendAuditEntryAsync(AuditEntry entry, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return ReadAsync(ct, async (connection, token) =>
        {
            await using NpgsqlCommand command = Command(
                connection,
                "INSERT INTO audit_log (at, actor, action, target, details) VALUES ($1, $2, $3, $4, $5) RETURNING id",
                Instant(entry.At), Text(entry.Actor), Text(entry.Action), Text(entry.Target), Text(entry.Details));
            return (long)(await command.ExecuteScalarAsync(token))!;
        });
    }

    public Task<IReadOnlyList<AuditEntry>> ReadAuditEntriesAsync(int limit, long? beforeId, CancellationToken ct) =>
        ReadAsync(ct, async (connection, token) =>
        {
            await using NpgsqlCommand command = Command(
                connection,
                "SELECT id, at, actor, action, target, details FROM audit_log WHERE $1::bigint IS NULL OR id < $1 ORDER BY id DESC LIMIT $2",
                new NpgsqlParameter { Value = (object?)beforeId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Bigint },
                new NpgsqlParameter { Value = Math.Max(0, limit), NpgsqlDbType = NpgsqlDbType.Integer });
            return await ReadAllAsync(command, token, row => new AuditEntry(
                row.GetInt64(0), row.GetFieldValue<DateTimeOffset>(1), row.GetString(2), row.GetString(3), row.GetString(4), row.GetString(5)));
        });
}

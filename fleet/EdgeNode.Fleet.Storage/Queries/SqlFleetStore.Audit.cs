using Dapper;
using EdgeNode.Fleet.Audit;

namespace EdgeNode.Fleet.Storage.Queries;

/// <summary>The audit log (table audit_log).</summary>
internal abstract partial class SqlFleetStore : IAuditStore
{
    public Task<long> AppendAuditEntryAsync(AuditEntry entry, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return InTransactionAsync(
            (connection, transaction, token) => connection.ExecuteScalarAsync<long>(Command(
                "INSERT INTO audit_log (at, actor, action, target, details) VALUES (@at, @actor, @action, @target, @details) RETURNING id",
                new { at = Dialect.Instant(entry.At), actor = entry.Actor, action = entry.Action, target = entry.Target, details = entry.Details },
                token,
                transaction)),
            ct);
    }

    public Task<IReadOnlyList<AuditEntry>> ReadAuditEntriesAsync(int limit, long? beforeId, CancellationToken ct) =>
        OnConnectionAsync(
            (connection, token) => QueryAsync(
                connection,
                Command(
                    $"""
                    SELECT id, at, actor, action, target, details FROM audit_log
                    {(beforeId is null ? "" : "WHERE id < @before")} ORDER BY id DESC LIMIT @limit
                    """,
                    new { before = beforeId, limit = Math.Max(0, limit) },
                    token),
                row => new AuditEntry(row.GetInt64(0), Dialect.ReadInstant(row, 1), row.GetString(2), row.GetString(3), row.GetString(4), row.GetString(5))),
            ct);
}

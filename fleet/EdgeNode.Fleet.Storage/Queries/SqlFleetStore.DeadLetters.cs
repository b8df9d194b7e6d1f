using Dapper;

namespace EdgeNode.Fleet.Storage.Queries;

/// <summary>The dead letters, their quota counts and their retention (tables dead_letters, dead_letter_drops).</summary>
internal abstract partial class SqlFleetStore
{
    public Task<IReadOnlyList<StoredDeadLetter>> ReadDeadLettersAsync(string? nodeId, int limit, CancellationToken ct) =>
        OnConnectionAsync(
            (connection, token) => QueryAsync(
                connection,
                Command(
                    $"""
                    SELECT id, received_at, topic, node_id, payload, original_length, reason FROM dead_letters
                    {(nodeId is null ? "" : "WHERE node_id = @node")} ORDER BY id DESC LIMIT @limit
                    """,
                    new { node = nodeId, limit = Math.Max(0, limit) },
                    token),
                row => new StoredDeadLetter(
                    row.GetInt64(0), Dialect.ReadInstant(row, 1), row.GetString(2), row.IsDBNull(3) ? null : row.GetString(3),
                    row.GetFieldValue<byte[]>(4), row.GetInt32(5), row.GetString(6))),
            ct);

    public Task<long> CountDeadLettersAsync(CancellationToken ct) =>
        OnConnectionAsync((connection, token) => connection.ExecuteScalarAsync<long>(Command("SELECT count(*) FROM dead_letters", null, token)), ct);

    public Task<IReadOnlyList<DeadLetterDrop>> ReadDeadLetterDropsAsync(DateTimeOffset since, CancellationToken ct) =>
        OnConnectionAsync(
            (connection, token) => QueryAsync(
                connection,
                Command(
                    "SELECT node_id, period_start, messages, bytes FROM dead_letter_drops WHERE period_start >= @since ORDER BY period_start, node_id",
                    new { since = Dialect.Instant(since) },
                    token),
                // node_id '' is a topic that named no node.
                row => new DeadLetterDrop(row.GetString(0) is { Length: > 0 } node ? node : null, Dialect.ReadInstant(row, 1), row.GetInt64(2), row.GetInt64(3))),
            ct);

    public Task<long> DeleteDeadLettersBeforeAsync(DateTimeOffset before, CancellationToken ct) =>
        InTransactionAsync(
            async (connection, transaction, token) =>
            {
                object cutoff = Dialect.Instant(before);
                await connection.ExecuteAsync(Command("DELETE FROM dead_letter_drops WHERE period_start < @cutoff", new { cutoff }, token, transaction));
                return (long)await connection.ExecuteAsync(Command("DELETE FROM dead_letters WHERE received_at < @cutoff", new { cutoff }, token, transaction));
            },
            ct);
}

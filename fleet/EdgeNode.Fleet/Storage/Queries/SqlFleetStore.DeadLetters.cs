using Dapper;

namespace EdgeNode.Fleet.Storage.Queries;

/// <summary>The dead letters' quota counts and their retention (tables dead_letter_drops, dead_letters).</summary>
internal abstract partial class SqlFleetStore
{
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

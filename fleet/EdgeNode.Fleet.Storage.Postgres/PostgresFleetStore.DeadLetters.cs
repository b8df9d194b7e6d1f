using Npgsql;

namespace EdgeNode.Fleet.Storage.Postgres;

/// <summary>The dead letters' quota counts and their retention.</summary>
internal sealed partial class PostgresFleetStore
{
    public Task<IReadOnlyList<DeadLetterDrop>> ReadDeadLetterDropsAsync(DateTimeOffset since, CancellationToken ct) =>
        ReadAsync(ct, async (connection, token) =>
        {
            await using NpgsqlCommand command = Command(
                connection,
                "SELECT node_id, period_start, messages, bytes FROM dead_letter_drops WHERE period_start >= $1 ORDER BY period_start, node_id",
                AlertInstant(since));
            return await ReadAllAsync(command, token, row => new DeadLetterDrop(
                row.GetString(0) is { Length: > 0 } node ? node : null, row.GetFieldValue<DateTimeOffset>(1), row.GetInt64(2), row.GetInt64(3)));
        });

    // One statement: both deletes in one transaction without opening one by hand.
    public Task<long> DeleteDeadLettersBeforeAsync(DateTimeOffset before, CancellationToken ct) =>
        ReadAsync(ct, async (connection, token) =>
        {
            await using NpgsqlCommand command = Command(
                connection,
                """
                WITH drops AS (DELETE FROM dead_letter_drops WHERE period_start < $1)
                DELETE FROM dead_letters WHERE received_at < $1
                """,
                AlertInstant(before));
            return (long)await command.ExecuteNonQueryAsync(token);
        });
}

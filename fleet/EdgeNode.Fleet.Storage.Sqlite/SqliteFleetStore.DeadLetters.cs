using Microsoft.Data.Sqlite;

namespace EdgeNode.Fleet.Storage.Sqlite;

/// <summary>The dead letters' quota counts and their retention.</summary>
internal sealed partial class SqliteFleetStore
{
    public Task<IReadOnlyList<DeadLetterDrop>> ReadDeadLetterDropsAsync(DateTimeOffset since, CancellationToken ct) =>
        ReadAsync(ct, connection =>
        {
            using SqliteCommand command = Command(
                connection,
                "SELECT node_id, period_start_us, messages, bytes FROM dead_letter_drops WHERE period_start_us >= $since ORDER BY period_start_us, node_id",
                ("$since", StoredInstant.ToUnixMicroseconds(since)));
            return ReadAll(command, row => new DeadLetterDrop(
                row.GetString(0) is { Length: > 0 } node ? node : null, StoredInstant.FromUnixMicroseconds(row.GetInt64(1)), row.GetInt64(2), row.GetInt64(3)));
        });

    public Task<long> DeleteDeadLettersBeforeAsync(DateTimeOffset before, CancellationToken ct) =>
        WriteAsync(ct, (connection, transaction) =>
        {
            long cutoff = StoredInstant.ToUnixMicroseconds(before);
            using SqliteCommand drops = Command(connection, "DELETE FROM dead_letter_drops WHERE period_start_us < $before", ("$before", cutoff));
            drops.Transaction = transaction;
            drops.ExecuteNonQuery();
            using SqliteCommand letters = Command(connection, "DELETE FROM dead_letters WHERE received_at_us < $before", ("$before", cutoff));
            letters.Transaction = transaction;
            return (long)letters.ExecuteNonQuery();
        });
}

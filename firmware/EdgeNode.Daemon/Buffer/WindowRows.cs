using EdgeNode.Daemon.Windows;
using Microsoft.Data.Sqlite;

namespace EdgeNode.Daemon.Buffer;

/// <summary>The outbox table, row by row.</summary>
internal static class WindowRows
{
    /// <summary>Oldest first means by window start; the id breaks ties in arrival order.</summary>
    public const string OldestFirst = "ORDER BY start_ticks, id";

    public static long Insert(SqliteConnection connection, SqliteTransaction? transaction, ClosedWindow window, byte[] payload) =>
        Sql.Integer(
            connection,
            transaction,
            "INSERT INTO windows (start_ticks, length_ticks, payload) VALUES ($start, $length, $payload) RETURNING id",
            ("$start", window.Start.UtcTicks),
            ("$length", window.Length.Ticks),
            ("$payload", payload));

    public static void Delete(SqliteConnection connection, SqliteTransaction? transaction, long id) =>
        Sql.Execute(connection, transaction, "DELETE FROM windows WHERE id = $id", ("$id", id));

    public static byte[] Payload(SqliteConnection connection, SqliteTransaction? transaction, long id)
    {
        using SqliteCommand command = Sql.Command(connection, transaction, "SELECT payload FROM windows WHERE id = $id", ("$id", id));
        return command.ExecuteScalar() as byte[] ?? throw new InvalidDataException($"Window row {id} has no payload.");
    }

    public static DroppedSpan SpanOf(long startTicks, long lengthTicks) =>
        DroppedSpan.Of(BufferReports.Utc(startTicks), BufferReports.Utc(startTicks + lengthTicks));
}

using EdgeNode.Daemon.Clock;
using EdgeNode.Daemon.Windows;
using Microsoft.Data.Sqlite;

namespace EdgeNode.Daemon.Buffer;

/// <summary>The outbox table, row by row.</summary>
internal static class WindowRows
{
    /// <summary>Oldest first means by window start; the id breaks ties in arrival order.</summary>
    public const string OldestFirst = "ORDER BY start_ticks, id";

    public static long Insert(SqliteConnection connection, SqliteTransaction? transaction, ClosedWindow window, byte[] payload, BootStamp? stamp = null) =>
        Sql.Integer(
            connection,
            transaction,
            "INSERT INTO windows (start_ticks, length_ticks, payload, boot_id, monotonic_start_ticks) VALUES ($start, $length, $payload, $boot, $monotonic) RETURNING id",
            ("$start", window.Start.UtcTicks),
            ("$length", window.Length.Ticks),
            ("$payload", payload),
            ("$boot", stamp?.BootId),
            ("$monotonic", stamp?.MonotonicStart.Ticks));

    /// <summary>Writes a re-stamped window's start and payload and clears its monotonic start (the boot id stays, for the record).</summary>
    public static void Restamp(SqliteConnection connection, SqliteTransaction transaction, long id, ClosedWindow window, byte[] payload) =>
        Sql.Execute(
            connection,
            transaction,
            "UPDATE windows SET start_ticks = $start, payload = $payload, monotonic_start_ticks = NULL WHERE id = $id",
            ("$start", window.Start.UtcTicks),
            ("$payload", payload),
            ("$id", id));

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

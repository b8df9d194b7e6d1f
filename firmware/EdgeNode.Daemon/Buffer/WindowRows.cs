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

    /// <summary>
    /// The stored piece of <paramref name="window"/>'s own window (same start and length, partial, dated) that an
    /// earlier run of the service wrote when it stopped inside it; null when there is none.
    /// </summary>
    public static (long Id, ClosedWindow Window)? EarlierPieceOf(SqliteConnection connection, SqliteTransaction? transaction, ClosedWindow window)
    {
        using SqliteCommand command = Sql.Command(
            connection,
            transaction,
            "SELECT id, payload FROM windows WHERE start_ticks = $start AND length_ticks = $length AND monotonic_start_ticks IS NULL ORDER BY id DESC LIMIT 1",
            ("$start", window.Start.UtcTicks),
            ("$length", window.Length.Ticks));
        using SqliteDataReader reader = command.ExecuteReader();
        if (!reader.Read())
        {
            return null;
        }

        try
        {
            ClosedWindow stored = WindowCodec.Decode((byte[])reader.GetValue(1));
            return stored.Partial && stored.Time != WindowTimeQuality.Unconfirmed ? (reader.GetInt64(0), stored) : null;
        }
        catch (InvalidDataException)
        {
            return null; // left for PeekOldest to remove and record
        }
    }

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

using Microsoft.Data.Sqlite;

namespace EdgeNode.Daemon.Buffer;

/// <summary>
/// The rows that tell the fleet about losses and coarsening: gaps, downsamplings, corrupt files set aside. Rows are
/// only ever inserted and deleted, never updated, so a report read by the uplink cannot change under it.
/// </summary>
internal static class BufferReports
{
    public static void InsertGap(SqliteConnection connection, SqliteTransaction? transaction, DroppedSpan span, GapCause cause, DateTimeOffset now) =>
        Sql.Execute(
            connection,
            transaction,
            "INSERT INTO gaps (from_ticks, to_ticks, windows, cause, recorded_ticks) VALUES ($from, $to, $windows, $cause, $now)",
            ("$from", span.From.UtcTicks),
            ("$to", span.To.UtcTicks),
            ("$windows", span.Count),
            ("$cause", cause.ToString()),
            ("$now", now.UtcTicks));

    public static void InsertDownsampling(SqliteConnection connection, SqliteTransaction? transaction, BufferDownsampling d) =>
        Sql.Execute(
            connection,
            transaction,
            """
            INSERT INTO downsamplings (from_ticks, to_ticks, windows_merged, from_length_ticks, windows_produced, to_length_ticks, recorded_ticks)
            VALUES ($from, $to, $merged, $fromLength, $produced, $toLength, $now)
            """,
            ("$from", d.From.UtcTicks),
            ("$to", d.To.UtcTicks),
            ("$merged", d.WindowsMerged),
            ("$fromLength", d.FromLength.Ticks),
            ("$produced", d.WindowsProduced),
            ("$toLength", d.ToLength.Ticks),
            ("$now", d.RecordedAt.UtcTicks));

    public static void InsertSetAside(SqliteConnection connection, SqliteTransaction? transaction, SetAsideDatabase s) =>
        Sql.Execute(
            connection,
            transaction,
            "INSERT INTO set_aside (path, reason, windows_salvaged, read_to_end, detected_ticks) VALUES ($path, $reason, $salvaged, $readToEnd, $now)",
            ("$path", s.SetAsidePath),
            ("$reason", s.Reason),
            ("$salvaged", s.WindowsSalvaged),
            ("$readToEnd", s.ReadToEnd ? 1 : 0),
            ("$now", s.DetectedAt.UtcTicks));

    /// <remarks>Reads row by row into <paramref name="into"/>, so a salvage keeps what it read before an error.</remarks>
    public static void ReadGaps(SqliteConnection connection, List<BufferGap> into)
    {
        using SqliteCommand command = Sql.Command(connection, null, "SELECT id, from_ticks, to_ticks, windows, cause, recorded_ticks FROM gaps ORDER BY id");
        using SqliteDataReader row = command.ExecuteReader();
        while (row.Read())
        {
            GapCause cause = Enum.TryParse(row.GetString(4), out GapCause parsed) ? parsed : GapCause.UnreadableWindow;
            into.Add(new BufferGap(row.GetInt64(0), Utc(row.GetInt64(1)), Utc(row.GetInt64(2)), row.GetInt32(3), cause, Utc(row.GetInt64(5))));
        }
    }

    public static void ReadDownsamplings(SqliteConnection connection, List<BufferDownsampling> into)
    {
        using SqliteCommand command = Sql.Command(
            connection,
            null,
            "SELECT id, from_ticks, to_ticks, windows_merged, from_length_ticks, windows_produced, to_length_ticks, recorded_ticks FROM downsamplings ORDER BY id");
        using SqliteDataReader row = command.ExecuteReader();
        while (row.Read())
        {
            into.Add(new BufferDownsampling(
                row.GetInt64(0),
                Utc(row.GetInt64(1)),
                Utc(row.GetInt64(2)),
                row.GetInt32(3),
                TimeSpan.FromTicks(row.GetInt64(4)),
                row.GetInt32(5),
                TimeSpan.FromTicks(row.GetInt64(6)),
                Utc(row.GetInt64(7))));
        }
    }

    public static void ReadSetAside(SqliteConnection connection, List<SetAsideDatabase> into)
    {
        using SqliteCommand command = Sql.Command(connection, null, "SELECT id, path, reason, windows_salvaged, read_to_end, detected_ticks FROM set_aside ORDER BY id");
        using SqliteDataReader row = command.ExecuteReader();
        while (row.Read())
        {
            into.Add(new SetAsideDatabase(row.GetInt64(0), row.GetString(1), row.GetString(2), row.GetInt32(3), row.GetInt64(4) != 0, Utc(row.GetInt64(5))));
        }
    }

    /// <param name="table">One of this class's own table names, never outside input.</param>
    public static int Delete(SqliteConnection connection, string table, IEnumerable<long> ids)
    {
        using SqliteTransaction transaction = connection.BeginTransaction(deferred: false);
        using SqliteCommand command = Sql.Command(connection, transaction, $"DELETE FROM {table} WHERE id = $id");
        SqliteParameter id = command.Parameters.Add("$id", SqliteType.Integer);
        int deleted = 0;
        foreach (long value in ids.Distinct())
        {
            id.Value = value;
            deleted += command.ExecuteNonQuery();
        }

        transaction.Commit();
        return deleted;
    }

    public static DateTimeOffset Utc(long ticks) => new(ticks, TimeSpan.Zero);
}

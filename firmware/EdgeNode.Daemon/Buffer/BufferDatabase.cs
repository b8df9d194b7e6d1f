using EdgeNode.Daemon.Windows;
using Microsoft.Data.Sqlite;

namespace EdgeNode.Daemon.Buffer;

/// <summary>
/// One open buffer file. Not thread-safe: <see cref="WindowBuffer"/> serialises every call. Failures surface as
/// <see cref="SqliteException"/> (or <see cref="DatabaseCorruptException"/>) for the caller to sort.
/// </summary>
internal sealed class BufferDatabase : IDisposable
{
    /// <summary>What a window row costs beyond its payload: row header, rowid, two index entries.</summary>
    private const long RowOverheadBytes = 64;

    private readonly SqliteConnection _connection;
    private readonly long _pageSizeBytes;

    private BufferDatabase(SqliteConnection connection)
    {
        _connection = connection;
        _pageSizeBytes = Sql.Integer(connection, null, "PRAGMA page_size");
    }

    /// <param name="checkIntegrity">Run PRAGMA quick_check first: on the first open of a run, where a power cut may have left damage.</param>
    /// <exception cref="DatabaseCorruptException">The file is damaged or was written by a newer firmware.</exception>
    public static BufferDatabase Open(string path, bool checkIntegrity, Action<SqliteConnection>? onOpened)
    {
        string? folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
        }

        // No pooling: closing must really close the file, or a corrupt one could not be renamed away.
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false }.ToString());
        try
        {
            connection.Open();
            onOpened?.Invoke(connection);
            if (checkIntegrity)
            {
                CheckIntegrity(connection);
            }

            Configure(connection);
            return new BufferDatabase(connection);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private static void CheckIntegrity(SqliteConnection connection)
    {
        using SqliteCommand command = Sql.Command(connection, null, "PRAGMA quick_check(5)");
        using SqliteDataReader row = command.ExecuteReader();
        var problems = new List<string>();
        while (row.Read())
        {
            problems.Add(row.GetString(0));
        }

        if (problems is not ["ok"])
        {
            throw new DatabaseCorruptException($"integrity check failed: {string.Join("; ", problems)}");
        }
    }

    private static void Configure(SqliteConnection connection)
    {
        long version = Sql.Integer(connection, null, "PRAGMA user_version");
        if (version > BufferSchema.Version)
        {
            throw new DatabaseCorruptException($"schema version {version} was written by a newer firmware (this one knows {BufferSchema.Version})");
        }

        // WAL: a commit appends to the log instead of rewriting pages in place, so a power cut mid-write leaves the
        // last good state readable, and the SD card sees fewer writes.
        Sql.Execute(connection, null, "PRAGMA journal_mode = WAL");

        // FULL, not NORMAL, although NORMAL is "safe" under WAL: NORMAL keeps the database consistent after a power
        // cut but does not fsync the log at each commit, so the last commits before the cut can vanish. A window
        // reported durable must survive the cut (the aggregator has already forgotten it), and at one commit per
        // 15 minutes the extra fsync costs nothing worth saving.
        Sql.Execute(connection, null, "PRAGMA synchronous = FULL");

        // After a checkpoint the log file is cut back to 1 MB rather than keeping its largest size on the card.
        Sql.Execute(connection, null, "PRAGMA journal_size_limit = 1048576");

        // Written only when new: an existing file on a read-only card then still opens, and the uplink can drain it.
        if (version < BufferSchema.Version)
        {
            Sql.Execute(connection, null, BufferSchema.Create);
            Sql.Execute(connection, null, $"PRAGMA user_version = {BufferSchema.Version}");
        }
    }

    /// <summary>Stores one window in one transaction, making room under the quota first; durable when it returns.</summary>
    /// <param name="overflow">Windows the memory queue lost meanwhile, recorded as a gap in the same transaction.</param>
    /// <returns>The window's outbox id.</returns>
    public long Store(ClosedWindow window, byte[] payload, DroppedSpan? overflow, long quotaBytes, DateTimeOffset now)
    {
        using SqliteTransaction transaction = _connection.BeginTransaction(deferred: false);
        new QuotaKeeper(_connection, transaction, _pageSizeBytes, now).MakeRoom(payload.Length + RowOverheadBytes, quotaBytes);
        if (overflow is { } lost)
        {
            BufferReports.InsertGap(_connection, transaction, lost, GapCause.MemoryQueueOverflow, now);
        }

        long id = WindowRows.Insert(_connection, transaction, window, payload);
        transaction.Commit();
        return id;
    }

    /// <summary>The oldest windows; a row that no longer decodes is removed and recorded as a gap rather than blocking the outbox.</summary>
    public List<StoredWindow> PeekOldest(int max, DateTimeOffset now)
    {
        var stored = new List<StoredWindow>();
        var unreadable = new List<(long Id, DroppedSpan Span)>();
        using (SqliteCommand command = Sql.Command(_connection, null, $"SELECT id, start_ticks, length_ticks, payload FROM windows {WindowRows.OldestFirst} LIMIT $max", ("$max", max)))
        using (SqliteDataReader row = command.ExecuteReader())
        {
            while (row.Read())
            {
                try
                {
                    stored.Add(new StoredWindow(row.GetInt64(0), WindowCodec.Decode((byte[])row.GetValue(3))));
                }
                catch (InvalidDataException)
                {
                    unreadable.Add((row.GetInt64(0), WindowRows.SpanOf(row.GetInt64(1), row.GetInt64(2))));
                }
            }
        }

        if (unreadable.Count > 0)
        {
            RemoveUnreadable(unreadable, now);
        }

        return stored;
    }

    private void RemoveUnreadable(List<(long Id, DroppedSpan Span)> unreadable, DateTimeOffset now)
    {
        using SqliteTransaction transaction = _connection.BeginTransaction(deferred: false);
        DroppedSpan? lost = null;
        foreach ((long id, DroppedSpan span) in unreadable)
        {
            WindowRows.Delete(_connection, transaction, id);
            lost = DroppedSpan.Combine(lost, span);
        }

        BufferReports.InsertGap(_connection, transaction, lost!.Value, GapCause.UnreadableWindow, now);
        transaction.Commit();
    }

    public int Acknowledge(IEnumerable<long> ids) => BufferReports.Delete(_connection, "windows", ids);

    public List<BufferGap> Gaps() => Read<BufferGap>(BufferReports.ReadGaps);

    public List<BufferDownsampling> Downsamplings() => Read<BufferDownsampling>(BufferReports.ReadDownsamplings);

    public List<SetAsideDatabase> SetAside() => Read<SetAsideDatabase>(BufferReports.ReadSetAside);

    public int DeleteReports(string table, IEnumerable<long> ids) => BufferReports.Delete(_connection, table, ids);

    private List<T> Read<T>(Action<SqliteConnection, List<T>> reader)
    {
        var rows = new List<T>();
        reader(_connection, rows);
        return rows;
    }

    public DatabaseFigures Figures()
    {
        using SqliteCommand command = Sql.Command(
            _connection,
            null,
            """
            SELECT (SELECT COUNT(*) FROM windows), (SELECT MIN(start_ticks) FROM windows),
                   (SELECT COUNT(*) FROM gaps), (SELECT COUNT(*) FROM downsamplings), (SELECT COUNT(*) FROM set_aside)
            """);
        using SqliteDataReader row = command.ExecuteReader();
        row.Read();
        long used = (Sql.Integer(_connection, null, "PRAGMA page_count") - Sql.Integer(_connection, null, "PRAGMA freelist_count")) * _pageSizeBytes;
        return new DatabaseFigures(
            used,
            row.GetInt32(0),
            row.IsDBNull(1) ? null : BufferReports.Utc(row.GetInt64(1)),
            row.GetInt32(2),
            row.GetInt32(3),
            row.GetInt32(4));
    }

    /// <summary>The highest window id this file has handed out.</summary>
    public long HighestId() => Sql.Integer(_connection, null, "SELECT COALESCE(MAX(seq), 0) FROM sqlite_sequence WHERE name = 'windows'");

    /// <summary>
    /// Fills a fresh file (after a corrupt one was set aside) in one transaction: ids start above
    /// <paramref name="idFloor"/> so that acknowledgements meant for the old file match nothing here, then whatever
    /// was salvaged, then the record of the setting aside.
    /// </summary>
    public void StartAfterSetAside(long idFloor, DatabaseSalvage salvage, SetAsideDatabase record, DateTimeOffset now)
    {
        using SqliteTransaction transaction = _connection.BeginTransaction(deferred: false);
        Sql.Execute(_connection, transaction, "DELETE FROM sqlite_sequence WHERE name = 'windows'");
        Sql.Execute(_connection, transaction, "INSERT INTO sqlite_sequence (name, seq) VALUES ('windows', $floor)", ("$floor", idFloor));
        foreach (ClosedWindow window in salvage.Windows)
        {
            WindowRows.Insert(_connection, transaction, window, WindowCodec.Encode(window));
        }

        foreach (BufferGap gap in salvage.Gaps)
        {
            BufferReports.InsertGap(_connection, transaction, new DroppedSpan(gap.From, gap.To, gap.WindowCount), gap.Cause, gap.RecordedAt);
        }

        if (salvage.Unreadable is { } unreadable)
        {
            BufferReports.InsertGap(_connection, transaction, unreadable, GapCause.UnreadableWindow, now);
        }

        foreach (BufferDownsampling downsampling in salvage.Downsamplings)
        {
            BufferReports.InsertDownsampling(_connection, transaction, downsampling);
        }

        foreach (SetAsideDatabase earlier in salvage.SetAside)
        {
            BufferReports.InsertSetAside(_connection, transaction, earlier);
        }

        BufferReports.InsertSetAside(_connection, transaction, record);
        transaction.Commit();
    }

    public void Dispose() => _connection.Dispose();
}

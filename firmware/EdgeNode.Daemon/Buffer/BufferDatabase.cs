using EdgeNode.Daemon.Clock;
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

        // Small pages for a new file: a window is a few hundred bytes, and every commit writes each page it touches
        // (row, index) to the log and later back to the file. With the default 4 KB pages an SD card would see about
        // four times the writes for the same data. Ignored by SQLite for a file that already has pages.
        if (version == 0)
        {
            Sql.Execute(connection, null, "PRAGMA page_size = 1024");
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

        // Written only when new or older: an up-to-date file on a read-only card then still opens, and the uplink can
        // drain it. Migration runs in one transaction, so a power cut leaves the old version or the new, never half.
        if (version < BufferSchema.Version)
        {
            using SqliteTransaction transaction = connection.BeginTransaction(deferred: false);
            Sql.Execute(connection, transaction, version == 0 ? BufferSchema.Create : BufferSchema.MigrateFrom1);
            Sql.Execute(connection, transaction, $"PRAGMA user_version = {BufferSchema.Version}");
            transaction.Commit();
        }
    }

    /// <summary>
    /// Stores one window in one transaction, making room under the quota first; durable when it returns. A partial
    /// window whose earlier piece is still stored is stored merged with it (<see cref="WindowMerger.Overlay"/>).
    /// </summary>
    /// <param name="overflow">Windows the memory queue lost meanwhile, recorded as a gap in the same transaction.</param>
    /// <returns>The window's outbox id.</returns>
    /// <param name="stamp">Where an Unconfirmed window started on its boot's monotonic clock, to re-stamp it later.</param>
    /// <param name="currentBoot">Windows of this boot still awaiting a re-stamp are not downsampled (a merge would lose their stamps).</param>
    public long Store(ClosedWindow window, byte[] payload, BootStamp? stamp, string? currentBoot, DroppedSpan? overflow, long quotaBytes, DateTimeOffset now)
    {
        using SqliteTransaction transaction = _connection.BeginTransaction(deferred: false);
        new QuotaKeeper(_connection, transaction, _pageSizeBytes, now, currentBoot).MakeRoom(payload.Length + RowOverheadBytes, quotaBytes);
        if (overflow is { } lost)
        {
            BufferReports.InsertGap(_connection, transaction, lost, GapCause.MemoryQueueOverflow, now);
        }

        if (window.Partial && stamp is null && window.Time != WindowTimeQuality.Unconfirmed
            && WindowRows.EarlierPieceOf(_connection, transaction, window) is { } earlier)
        {
            // The service stopped and started again inside this window: one window of both pieces. A new row, not an
            // update: were the earlier piece on its way to the fleet, its acknowledgement must not delete this one.
            WindowRows.Delete(_connection, transaction, earlier.Id);
            window = WindowMerger.Overlay(earlier.Window, window);
            payload = WindowCodec.Encode(window);
        }

        long id = WindowRows.Insert(_connection, transaction, window, payload, stamp);
        transaction.Commit();
        return id;
    }

    /// <summary>
    /// Re-stamps, in one transaction, every stored window of <paramref name="bootId"/> that carries a monotonic start:
    /// start becomes monotonic start + <paramref name="wallOffset"/>, quality Restamped, in the column and the payload
    /// alike; the monotonic start is cleared, so a window is re-stamped once. A row that no longer decodes is left
    /// for <see cref="PeekOldest"/> to remove and record.
    /// </summary>
    /// <returns>How many windows were re-stamped.</returns>
    public int Restamp(string bootId, TimeSpan wallOffset)
    {
        using SqliteTransaction transaction = _connection.BeginTransaction(deferred: false);
        var rows = new List<(long Id, long Monotonic, byte[] Payload)>();
        using (SqliteCommand command = Sql.Command(_connection, transaction,
            "SELECT id, monotonic_start_ticks, payload FROM windows WHERE boot_id = $boot AND monotonic_start_ticks IS NOT NULL", ("$boot", bootId)))
        using (SqliteDataReader row = command.ExecuteReader())
        {
            while (row.Read())
            {
                rows.Add((row.GetInt64(0), row.GetInt64(1), (byte[])row.GetValue(2)));
            }
        }

        int restamped = 0;
        foreach ((long id, long monotonic, byte[] payload) in rows)
        {
            ClosedWindow window;
            try
            {
                window = WindowCodec.Decode(payload);
            }
            catch (InvalidDataException)
            {
                continue;
            }

            ClosedWindow dated = WindowRestamp.Apply(window, TimeSpan.FromTicks(monotonic), wallOffset);
            WindowRows.Restamp(_connection, transaction, id, dated, WindowCodec.Encode(dated));
            restamped++;
        }

        transaction.Commit();
        return restamped;
    }

    /// <summary>The oldest windows; a row that no longer decodes is removed and recorded as a gap rather than blocking the outbox.</summary>
    public List<StoredWindow> PeekOldest(int max, DateTimeOffset now)
    {
        var stored = new List<StoredWindow>();
        var unreadable = new List<(long Id, DroppedSpan Span)>();
        using (SqliteCommand command = Sql.Command(_connection, null, $"SELECT id, start_ticks, length_ticks, payload, boot_id, monotonic_start_ticks FROM windows {WindowRows.OldestFirst} LIMIT $max", ("$max", max)))
        using (SqliteDataReader row = command.ExecuteReader())
        {
            while (row.Read())
            {
                try
                {
                    BootStamp? stamp = row.IsDBNull(4) || row.IsDBNull(5) ? null : new BootStamp(row.GetString(4), TimeSpan.FromTicks(row.GetInt64(5)));
                    stored.Add(new StoredWindow(row.GetInt64(0), WindowCodec.Decode((byte[])row.GetValue(3)), stamp));
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
                   (SELECT COUNT(*) FROM gaps), (SELECT COUNT(*) FROM downsamplings), (SELECT COUNT(*) FROM set_aside),
                   (SELECT COUNT(*) FROM windows WHERE substr(payload, $at, 1) = $unconfirmed),
                   (SELECT COUNT(*) FROM windows WHERE substr(payload, $at, 1) = $restamped)
            """,
            // The quality byte sits at a fixed place in the payload; reading it there spares decoding every window.
            ("$at", WindowCodec.TimeQualityOffset + 1),
            ("$unconfirmed", new[] { PersistedCodes.Of(WindowTimeQuality.Unconfirmed) }),
            ("$restamped", new[] { PersistedCodes.Of(WindowTimeQuality.Restamped) }));
        using SqliteDataReader row = command.ExecuteReader();
        row.Read();
        long used = (Sql.Integer(_connection, null, "PRAGMA page_count") - Sql.Integer(_connection, null, "PRAGMA freelist_count")) * _pageSizeBytes;
        return new DatabaseFigures(
            used,
            row.GetInt32(0),
            row.IsDBNull(1) ? null : BufferReports.Utc(row.GetInt64(1)),
            row.GetInt32(2),
            row.GetInt32(3),
            row.GetInt32(4),
            row.GetInt32(5),
            row.GetInt32(6));
    }

    /// <summary>The highest window id this file has handed out.</summary>
    public long HighestId() => Sql.Integer(_connection, null, "SELECT COALESCE(MAX(seq), 0) FROM sqlite_sequence WHERE name = 'windows'");

    /// <summary>
    /// Fills a fresh file (after a corrupt one was set aside) in one transaction: ids start above
    /// <paramref name="idFloor"/> so that acknowledgements meant for the old file match nothing here, then whatever
    /// was salvaged, then the record of the setting aside, which counts the windows copied.
    /// </summary>
    public SetAsideDatabase StartAfterSetAside(long idFloor, DatabaseSalvage salvage, string setAsidePath, string reason, DateTimeOffset now)
    {
        using SqliteTransaction transaction = _connection.BeginTransaction(deferred: false);
        Sql.Execute(_connection, transaction, "DELETE FROM sqlite_sequence WHERE name = 'windows'");
        Sql.Execute(_connection, transaction, "INSERT INTO sqlite_sequence (name, seq) VALUES ('windows', $floor)", ("$floor", idFloor));
        salvage.CopyWindows(window => WindowRows.Insert(_connection, transaction, window, WindowCodec.Encode(window)));

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

        var record = new SetAsideDatabase(0, setAsidePath, reason, salvage.WindowsSalvaged, salvage.ReadToEnd, now);
        BufferReports.InsertSetAside(_connection, transaction, record);
        transaction.Commit();
        return record;
    }

    public void Dispose() => _connection.Dispose();
}

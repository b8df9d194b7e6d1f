using EdgeNode.Daemon.Windows;
using Microsoft.Data.Sqlite;

namespace EdgeNode.Daemon.Buffer;

/// <summary>
/// What can be read back from a corrupt buffer file: windows and unreported records, table by table and row by
/// row, keeping everything read before SQLite hit the damage. Best effort: a file whose header is gone yields nothing.
/// The windows are not held here but handed over one at a time (<see cref="CopyWindows"/>): a full buffer holds
/// over 100 000 of them, about 1.5 KB each once decoded, which would not fit in the node's GC heap limit at once.
/// </summary>
internal sealed class DatabaseSalvage : IDisposable
{
    private readonly SqliteConnection? _connection;

    private DatabaseSalvage(SqliteConnection? connection)
    {
        _connection = connection;
        ReadToEnd = connection is not null;
    }

    public List<BufferGap> Gaps { get; } = [];

    public List<BufferDownsampling> Downsamplings { get; } = [];

    public List<SetAsideDatabase> SetAside { get; } = [];

    /// <summary>Windows handed over by <see cref="CopyWindows"/>.</summary>
    public int WindowsSalvaged { get; private set; }

    /// <summary>Rows found whose payload no longer decodes.</summary>
    public DroppedSpan? Unreadable { get; private set; }

    public bool ReadToEnd { get; private set; }

    /// <summary>The highest window id found, read before any window is copied so that the fresh file's ids start above it.</summary>
    public long HighestId { get; private set; }

    /// <summary>Opens the file and reads its ids and its small report tables; the windows are read by <see cref="CopyWindows"/>.</summary>
    public static DatabaseSalvage From(string path)
    {
        SqliteConnection connection;
        try
        {
            connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
            connection.Open();
        }
        catch (SqliteException)
        {
            return new DatabaseSalvage(null);
        }

        var salvage = new DatabaseSalvage(connection);
        salvage.Try(() => salvage.ReadHighestId(connection));
        salvage.Try(() => BufferReports.ReadGaps(connection, salvage.Gaps));
        salvage.Try(() => BufferReports.ReadDownsamplings(connection, salvage.Downsamplings));
        salvage.Try(() => BufferReports.ReadSetAside(connection, salvage.SetAside));
        return salvage;
    }

    /// <summary>
    /// Hands every readable window to <paramref name="copy"/>, in id order, until the end of the table or the damage.
    /// An exception thrown by <paramref name="copy"/> (the fresh file failing) is not taken for damage here: it propagates.
    /// </summary>
    public void CopyWindows(Action<ClosedWindow> copy)
    {
        if (_connection is null)
        {
            return;
        }

        // By id, not by the start index: the table itself is the likelier part to survive.
        using SqliteCommand command = Sql.Command(_connection, null, "SELECT id, start_ticks, length_ticks, payload FROM windows ORDER BY id");
        SqliteDataReader row;
        try
        {
            row = command.ExecuteReader();
        }
        catch (SqliteException)
        {
            ReadToEnd = false;
            return;
        }

        using (row)
        {
            while (NextWindow(row, out ClosedWindow? window))
            {
                if (window is not null)
                {
                    copy(window);
                    WindowsSalvaged++;
                }
            }
        }
    }

    /// <summary>Reads one row; false at the end of the table or at the damage. A row that does not decode gives a null window.</summary>
    private bool NextWindow(SqliteDataReader row, out ClosedWindow? window)
    {
        window = null;
        try
        {
            if (!row.Read())
            {
                return false;
            }

            window = WindowCodec.Decode((byte[])row.GetValue(3));
        }
        catch (SqliteException)
        {
            ReadToEnd = false;
            return false;
        }
        catch (Exception e) when (e is InvalidDataException or InvalidCastException)
        {
            Unreadable = DroppedSpan.Combine(Unreadable, WindowRows.SpanOf(row.GetInt64(1), row.GetInt64(2)));
        }

        return true;
    }

    private void ReadHighestId(SqliteConnection connection)
    {
        // Row by row rather than MAX(id), so that a damaged table still yields the highest id read before the damage.
        using SqliteCommand command = Sql.Command(connection, null, "SELECT id FROM windows ORDER BY id");
        using SqliteDataReader row = command.ExecuteReader();
        while (row.Read())
        {
            HighestId = Math.Max(HighestId, row.GetInt64(0));
        }
    }

    private void Try(Action read)
    {
        try
        {
            read();
        }
        catch (SqliteException)
        {
            ReadToEnd = false;
        }
    }

    public void Dispose() => _connection?.Dispose();
}

using EdgeNode.Daemon.Windows;
using Microsoft.Data.Sqlite;

namespace EdgeNode.Daemon.Buffer;

/// <summary>
/// What could be read back from a corrupt buffer file: windows and unreported records, table by table and row by
/// row, keeping everything read before SQLite hit the damage. Best effort: a file whose header is gone yields nothing.
/// </summary>
internal sealed class DatabaseSalvage
{
    public List<ClosedWindow> Windows { get; } = [];

    public List<BufferGap> Gaps { get; } = [];

    public List<BufferDownsampling> Downsamplings { get; } = [];

    public List<SetAsideDatabase> SetAside { get; } = [];

    /// <summary>Rows found whose payload no longer decodes.</summary>
    public DroppedSpan? Unreadable { get; private set; }

    public bool ReadToEnd { get; private set; } = true;

    public long HighestId { get; private set; }

    public static DatabaseSalvage From(string path)
    {
        var salvage = new DatabaseSalvage();
        SqliteConnection connection;
        try
        {
            connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
            connection.Open();
        }
        catch (SqliteException)
        {
            salvage.ReadToEnd = false;
            return salvage;
        }

        using (connection)
        {
            salvage.Try(() => salvage.ReadWindows(connection));
            salvage.Try(() => BufferReports.ReadGaps(connection, salvage.Gaps));
            salvage.Try(() => BufferReports.ReadDownsamplings(connection, salvage.Downsamplings));
            salvage.Try(() => BufferReports.ReadSetAside(connection, salvage.SetAside));
        }

        return salvage;
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

    private void ReadWindows(SqliteConnection connection)
    {
        // By id, not by the start index: the table itself is the likelier part to survive.
        using SqliteCommand command = Sql.Command(connection, null, "SELECT id, start_ticks, length_ticks, payload FROM windows ORDER BY id");
        using SqliteDataReader row = command.ExecuteReader();
        while (row.Read())
        {
            HighestId = Math.Max(HighestId, row.GetInt64(0));
            try
            {
                Windows.Add(WindowCodec.Decode((byte[])row.GetValue(3)));
            }
            catch (Exception e) when (e is InvalidDataException or InvalidCastException)
            {
                Unreadable = DroppedSpan.Combine(Unreadable, WindowRows.SpanOf(row.GetInt64(1), row.GetInt64(2)));
            }
        }
    }
}

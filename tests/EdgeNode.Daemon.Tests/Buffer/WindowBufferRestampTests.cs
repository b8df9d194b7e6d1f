using EdgeNode.Daemon.Buffer;
using EdgeNode.Daemon.Clock;
using EdgeNode.Daemon.Windows;
using Microsoft.Data.Sqlite;

namespace EdgeNode.Daemon.Tests.Buffer;

/// <summary>Windows recorded before the clock was synchronised, dated afterwards from time since boot.</summary>
public sealed class WindowBufferRestampTests : IDisposable
{
    private const string ThisBoot = "boot-now";
    private const string EarlierBoot = "boot-before";

    // The node believed it was 1970; the real time of its boot was 2025-03-03 06:00 UTC.
    private static readonly TimeSpan Offset = TimeSpan.FromTicks(new DateTimeOffset(2025, 3, 3, 6, 0, 0, TimeSpan.Zero).UtcTicks);

    private static readonly DateTimeOffset Wrong = DateTimeOffset.UnixEpoch;

    private readonly BufferFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private WindowBuffer Open() => WindowBuffer.Open(_folder.Options(bootId: ThisBoot));

    private static ClosedWindow Unconfirmed(TimeSpan wrongStart, int n) =>
        SampleWindows.Small(Wrong + wrongStart, SampleWindows.Quarter, n) with { Time = WindowTimeQuality.Unconfirmed };

    [Fact]
    public async Task Restamp_dates_only_the_unconfirmed_windows_of_its_boot_in_column_and_payload_alike()
    {
        await using WindowBuffer buffer = Open();
        await buffer.AppendAsync(Unconfirmed(TimeSpan.FromMinutes(10), 1), new BootStamp(ThisBoot, TimeSpan.FromMinutes(10)));
        await buffer.AppendAsync(Unconfirmed(TimeSpan.FromMinutes(25), 2), new BootStamp(ThisBoot, TimeSpan.FromMinutes(25)));
        await buffer.AppendAsync(Unconfirmed(TimeSpan.FromMinutes(40), 3), new BootStamp(EarlierBoot, TimeSpan.FromMinutes(40)));
        await buffer.AppendAsync(Unconfirmed(TimeSpan.FromMinutes(55), 4));
        await buffer.AppendAsync(SampleWindows.Quarterly(5));

        Assert.Equal(2, buffer.Restamp(ThisBoot, Offset));
        Assert.Equal(0, buffer.Restamp(ThisBoot, Offset));

        IReadOnlyList<StoredWindow> stored = buffer.PeekOldest(10);
        Assert.Equal(5, stored.Count);
        StoredWindow[] dated = stored.Where(w => w.Window.Time == WindowTimeQuality.Restamped).ToArray();
        Assert.Equal(
            [new DateTimeOffset(2025, 3, 3, 6, 10, 0, TimeSpan.Zero), new DateTimeOffset(2025, 3, 3, 6, 25, 0, TimeSpan.Zero)],
            dated.Select(w => w.Window.Start));
        Assert.All(dated, w => Assert.Equal(SampleWindows.Quarter, w.Window.Length));
        Assert.All(dated, w => Assert.Null(w.Stamp));
        Assert.Equal(21, dated[0].Window.Sensors[0].Metrics[0].Mean);

        StoredWindow earlier = Assert.Single(stored, w => w.Stamp?.BootId == EarlierBoot);
        Assert.Equal(WindowTimeQuality.Unconfirmed, earlier.Window.Time);
        Assert.Equal(Wrong + TimeSpan.FromMinutes(40), earlier.Window.Start);
        Assert.Single(stored, w => w.Window.Time == WindowTimeQuality.Unconfirmed && w.Stamp is null);
        Assert.Single(stored, w => w.Window.Time == WindowTimeQuality.Synchronised);

        // The column the outbox sorts by says what the payload says.
        foreach ((long id, long startTicks) in StartColumn())
        {
            Assert.Equal(stored.Single(w => w.Id == id).Window.Start.UtcTicks, startTicks);
        }

        WindowBufferStatus status = buffer.Status();
        Assert.Equal(2, status.UnconfirmedWindows);
        Assert.Equal(2, status.RestampedWindows);
    }

    [Fact]
    public async Task A_window_of_a_boot_already_restamped_is_stored_dated_and_only_this_boots_windows_await_a_restamp()
    {
        await using WindowBuffer buffer = Open();
        await buffer.AppendAsync(Unconfirmed(TimeSpan.FromMinutes(10), 1), new BootStamp(ThisBoot, TimeSpan.FromMinutes(10)));
        await buffer.AppendAsync(Unconfirmed(TimeSpan.FromMinutes(10), 2), new BootStamp(EarlierBoot, TimeSpan.FromMinutes(10)));
        IReadOnlyList<StoredWindow> before = buffer.PeekOldest(10);
        Assert.True(buffer.IsAwaitingRestamp(before.Single(w => w.Stamp?.BootId == ThisBoot)));
        Assert.False(buffer.IsAwaitingRestamp(before.Single(w => w.Stamp?.BootId == EarlierBoot)));

        buffer.Restamp(ThisBoot, Offset);
        await buffer.AppendAsync(Unconfirmed(TimeSpan.FromMinutes(25), 3), new BootStamp(ThisBoot, TimeSpan.FromMinutes(25)));

        IReadOnlyList<StoredWindow> after = buffer.PeekOldest(10);
        Assert.Equal(
            [new DateTimeOffset(2025, 3, 3, 6, 10, 0, TimeSpan.Zero), new DateTimeOffset(2025, 3, 3, 6, 25, 0, TimeSpan.Zero)],
            after.Where(w => w.Window.Time == WindowTimeQuality.Restamped).Select(w => w.Window.Start));
        Assert.All(after, w => Assert.False(buffer.IsAwaitingRestamp(w)));
    }

    [Fact]
    public async Task Only_an_unconfirmed_window_takes_a_stamp()
    {
        await using WindowBuffer buffer = Open();
        Assert.Throws<ArgumentException>(() => buffer.Append(SampleWindows.Quarterly(0), new BootStamp(ThisBoot, TimeSpan.Zero)));
    }

    [Fact]
    public async Task Windows_awaiting_a_restamp_are_not_merged_by_the_quota_but_those_of_an_earlier_boot_may_be()
    {
        // Eight aligned quarters in 1970: four of this boot, four of an earlier one; then a quota that forces merging.
        await using (WindowBuffer buffer = Open())
        {
            for (int n = 0; n < 8; n++)
            {
                string boot = n < 4 ? EarlierBoot : ThisBoot;
                await buffer.AppendAsync(
                    SampleWindows.Large(Wrong + (n * SampleWindows.Quarter), SampleWindows.Quarter, n) with { Time = WindowTimeQuality.Unconfirmed },
                    new BootStamp(boot, n * SampleWindows.Quarter));
            }
        }

        await using WindowBuffer tight = WindowBuffer.Open(_folder.Options(quotaBytes: 64 * 1024, bootId: ThisBoot));
        for (int n = 0; n < 80; n++)
        {
            await tight.AppendAsync(SampleWindows.Large(SampleWindows.Monday.AddDays(1) + (n * SampleWindows.Quarter), SampleWindows.Quarter, n));
        }

        IReadOnlyList<StoredWindow> stored = tight.PeekOldest(1000);
        Assert.NotEmpty(tight.Downsamplings());
        Assert.DoesNotContain(stored, w => w.Stamp?.BootId == EarlierBoot && w.Window.Length == SampleWindows.Quarter);
        StoredWindow[] awaiting = stored.Where(w => w.Stamp?.BootId == ThisBoot).ToArray();
        Assert.Equal(4, awaiting.Length);
        Assert.All(awaiting, w => Assert.Equal(SampleWindows.Quarter, w.Window.Length));
    }

    [Fact]
    public async Task A_buffer_file_of_schema_version_1_opens_keeps_its_windows_and_takes_stamps()
    {
        ClosedWindow old = SampleWindows.Full();
        using (var connection = new SqliteConnection($"Data Source={_folder.DatabasePath};Pooling=False"))
        {
            connection.Open();
            using SqliteCommand command = connection.CreateCommand();
            command.CommandText = """
                CREATE TABLE windows (id INTEGER PRIMARY KEY AUTOINCREMENT, start_ticks INTEGER NOT NULL, length_ticks INTEGER NOT NULL, payload BLOB NOT NULL);
                CREATE INDEX windows_by_start ON windows (start_ticks, id);
                CREATE INDEX windows_by_length ON windows (length_ticks, start_ticks);
                CREATE TABLE gaps (id INTEGER PRIMARY KEY AUTOINCREMENT, from_ticks INTEGER NOT NULL, to_ticks INTEGER NOT NULL, windows INTEGER NOT NULL, cause TEXT NOT NULL, recorded_ticks INTEGER NOT NULL);
                CREATE TABLE downsamplings (id INTEGER PRIMARY KEY AUTOINCREMENT, from_ticks INTEGER NOT NULL, to_ticks INTEGER NOT NULL, windows_merged INTEGER NOT NULL, from_length_ticks INTEGER NOT NULL, windows_produced INTEGER NOT NULL, to_length_ticks INTEGER NOT NULL, recorded_ticks INTEGER NOT NULL);
                CREATE TABLE set_aside (id INTEGER PRIMARY KEY AUTOINCREMENT, path TEXT NOT NULL, reason TEXT NOT NULL, windows_salvaged INTEGER NOT NULL, read_to_end INTEGER NOT NULL, detected_ticks INTEGER NOT NULL);
                INSERT INTO windows (start_ticks, length_ticks, payload) VALUES ($start, $length, $payload);
                PRAGMA user_version = 1;
                """;
            command.Parameters.AddWithValue("$start", old.Start.UtcTicks);
            command.Parameters.AddWithValue("$length", old.Length.Ticks);
            command.Parameters.AddWithValue("$payload", WindowCodec.Encode(old));
            command.ExecuteNonQuery();
        }

        await using (WindowBuffer buffer = Open())
        {
            StoredWindow kept = Assert.Single(buffer.PeekOldest(10));
            WindowAssert.Same(old, kept.Window);
            Assert.Null(kept.Stamp);
            Assert.Equal(1, buffer.Status().RestampedWindows);
            await buffer.AppendAsync(Unconfirmed(TimeSpan.FromMinutes(10), 1), new BootStamp(ThisBoot, TimeSpan.FromMinutes(10)));
            Assert.Equal(1, buffer.Restamp(ThisBoot, Offset));
        }

        using var check = new SqliteConnection($"Data Source={_folder.DatabasePath};Pooling=False");
        check.Open();
        using SqliteCommand version = check.CreateCommand();
        version.CommandText = "PRAGMA user_version";
        Assert.Equal(2L, (long)version.ExecuteScalar()!);
    }

    private List<(long Id, long StartTicks)> StartColumn()
    {
        using var connection = new SqliteConnection($"Data Source={_folder.DatabasePath};Pooling=False;Mode=ReadOnly");
        connection.Open();
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = "SELECT id, start_ticks FROM windows";
        using SqliteDataReader row = command.ExecuteReader();
        var rows = new List<(long, long)>();
        while (row.Read())
        {
            rows.Add((row.GetInt64(0), row.GetInt64(1)));
        }

        return rows;
    }
}

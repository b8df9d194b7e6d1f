using EdgeNode.Daemon.Buffer;
using EdgeNode.Daemon.Windows;
using Microsoft.Data.Sqlite;

namespace EdgeNode.Daemon.Tests.Buffer;

/// <summary>Damaged buffer files, damaged for real on disk: set aside (never deleted), replaced, and reported.</summary>
public sealed class WindowBufferCorruptionTests : IDisposable
{
    private readonly BufferFolder _folder = new();
    private volatile bool _readOnly;

    public void Dispose() => _folder.Dispose();

    private async Task<long[]> StoreQuarters(int count)
    {
        await using WindowBuffer buffer = _folder.Open();
        long[] ids = new long[count];
        for (int n = 0; n < count; n++)
        {
            ids[n] = await buffer.AppendAsync(SampleWindows.Quarterly(n));
        }

        return ids;
    }

    private static void AssertSalvagedIntact(IEnumerable<StoredWindow> outbox)
    {
        foreach (StoredWindow stored in outbox)
        {
            int n = (int)((stored.Window.Start - SampleWindows.Monday) / SampleWindows.Quarter);
            WindowAssert.Same(SampleWindows.Quarterly(n), stored.Window);
        }
    }

    [Fact]
    public async Task A_file_of_garbage_is_set_aside_untouched_and_a_fresh_buffer_works()
    {
        byte[] garbage = new byte[3 * 4096];
        new Random(7).NextBytes(garbage);
        await File.WriteAllBytesAsync(_folder.DatabasePath, garbage);

        await using WindowBuffer buffer = _folder.Open();
        await buffer.AppendAsync(SampleWindows.Quarterly(0));

        SetAsideDatabase setAside = Assert.Single(buffer.SetAsideFiles());
        Assert.StartsWith(_folder.DatabasePath + ".corrupt-", setAside.SetAsidePath, StringComparison.Ordinal);
        Assert.Equal(garbage, await File.ReadAllBytesAsync(setAside.SetAsidePath));
        Assert.Equal(0, setAside.WindowsSalvaged);
        Assert.False(setAside.ReadToEnd);
        WindowBufferStatus status = buffer.Status();
        Assert.Equal(1, status.SetAsidePendingReport);
        Assert.True(status.StorageWorking);
        Assert.Contains("set aside as " + setAside.SetAsidePath, status.LastError, StringComparison.Ordinal);
        Assert.Equal(SampleWindows.Quarterly(0).Start, Assert.Single(buffer.PeekOldest(10)).Window.Start);
    }

    [Fact]
    public async Task A_file_cut_mid_page_is_caught_at_open_and_what_still_reads_is_salvaged()
    {
        await StoreQuarters(200);
        var file = new FileInfo(_folder.DatabasePath);
        using (FileStream stream = file.Open(FileMode.Open))
        {
            // Half a page short of two thirds: the last pages of the table and its indexes are gone.
            stream.SetLength((stream.Length * 2 / 3) - 2048);
        }

        await using WindowBuffer buffer = _folder.Open();

        SetAsideDatabase setAside = Assert.Single(buffer.SetAsideFiles());
        Assert.True(File.Exists(setAside.SetAsidePath));
        IReadOnlyList<StoredWindow> outbox = buffer.PeekOldest(1000);
        Assert.Equal(setAside.WindowsSalvaged, outbox.Count);
        Assert.InRange(outbox.Count, 0, 199);
        AssertSalvagedIntact(outbox);
        long id = await buffer.AppendAsync(SampleWindows.Quarterly(500));
        Assert.Equal(id, buffer.PeekOldest(1000)[^1].Id);
    }

    [Fact]
    public async Task A_file_from_a_newer_firmware_is_set_aside_with_every_window_salvaged_under_new_ids()
    {
        long[] oldIds = await StoreQuarters(10);
        using (var connection = new SqliteConnection($"Data Source={_folder.DatabasePath};Pooling=False"))
        {
            connection.Open();
            using SqliteCommand command = connection.CreateCommand();
            command.CommandText = "PRAGMA user_version = 99";
            command.ExecuteNonQuery();
        }

        await using WindowBuffer buffer = _folder.Open();

        SetAsideDatabase setAside = Assert.Single(buffer.SetAsideFiles());
        Assert.Contains("newer firmware", setAside.Reason, StringComparison.Ordinal);
        Assert.Equal(10, setAside.WindowsSalvaged);
        Assert.True(setAside.ReadToEnd);
        IReadOnlyList<StoredWindow> outbox = buffer.PeekOldest(100);
        Assert.Equal(Enumerable.Range(0, 10).Select(n => SampleWindows.Quarterly(n).Start), outbox.Select(w => w.Window.Start));
        AssertSalvagedIntact(outbox);
        // An acknowledgement meant for the old file can never delete a salvaged window.
        Assert.All(outbox, w => Assert.True(w.Id > oldIds.Max()));
        Assert.Equal(0, buffer.Acknowledge(oldIds));
    }

    [Fact]
    public async Task Damage_found_on_first_use_after_open_sets_the_file_aside_and_the_window_goes_to_the_fresh_one()
    {
        await StoreQuarters(1);
        _readOnly = true;
        WindowBufferOptions options = _folder.Options(onOpened: connection =>
        {
            using SqliteCommand command = connection.CreateCommand();
            command.CommandText = $"PRAGMA query_only = {(_readOnly ? 1 : 0)}";
            command.ExecuteNonQuery();
        });
        await using WindowBuffer buffer = WindowBuffer.Open(options);
        Assert.Empty(buffer.SetAsideFiles());

        // The failed write closes the connection; while it is closed the card garbles the file's first page.
        Task<long> durable = buffer.AppendAsync(SampleWindows.Quarterly(1));
        await BufferFolder.Eventually(() => !buffer.Status().StorageWorking, "the failed write is noticed");
        using (FileStream stream = File.OpenWrite(_folder.DatabasePath))
        {
            stream.Write(new byte[100].Select((_, i) => (byte)(i * 37)).ToArray());
        }

        _readOnly = false;
        await durable.WaitAsync(TimeSpan.FromSeconds(15));

        SetAsideDatabase setAside = Assert.Single(buffer.SetAsideFiles());
        Assert.True(File.Exists(setAside.SetAsidePath));
        Assert.Equal(SampleWindows.Quarterly(1).Start, Assert.Single(buffer.PeekOldest(10)).Window.Start);
    }
}

using EdgeNode.Daemon.Buffer;
using EdgeNode.Daemon.Tests.Emulation;
using EdgeNode.Daemon.Windows;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace EdgeNode.Daemon.Tests.Buffer;

/// <summary>
/// Disk full and read-only storage, made real inside SQLite: the tests run as root, for whom chmod stops no write,
/// and mounting a small or read-only file system needs privileges a test should not have. So every connection the
/// buffer opens gets, while the test says so, either PRAGMA max_page_count (SQLite then answers SQLITE_FULL exactly
/// as when the file system is full) or PRAGMA query_only (SQLITE_READONLY, as on a card remounted read-only). The
/// buffer's own code path, from the failed commit to the retry on a new connection, is the production one.
/// </summary>
public sealed class WindowBufferStorageFailureTests : IDisposable
{
    private readonly BufferFolder _folder = new();
    private volatile bool _diskFull;
    private volatile bool _readOnly;

    public void Dispose() => _folder.Dispose();

    private WindowBufferOptions Options(int memoryQueueCapacity = 672) => _folder.Options(memoryQueueCapacity: memoryQueueCapacity, onOpened: connection =>
    {
        using SqliteCommand command = connection.CreateCommand();
        // max_page_count cannot go below the file's size, so 1 means "not one page more".
        command.CommandText = $"PRAGMA max_page_count = {(_diskFull ? 1 : 1_073_741_823)}; PRAGMA query_only = {(_readOnly ? 1 : 0)};";
        command.ExecuteNonQuery();
    });

    /// <summary>Bigger than a page, so storing it must grow the file.</summary>
    private static ClosedWindow Large(int n) => SampleWindows.Large(SampleWindows.Quarterly(n).Start, SampleWindows.Quarter, n) with
    {
        Sensors = [.. Enumerable.Range(0, 4).SelectMany(_ => SampleWindows.Large(SampleWindows.Monday, SampleWindows.Quarter, n).Sensors)],
    };

    private async Task StoreOneWindowFirst()
    {
        await using WindowBuffer buffer = WindowBuffer.Open(Options());
        await buffer.AppendAsync(SampleWindows.Quarterly(0));
    }

    [Fact]
    public async Task A_full_disk_is_logged_once_when_it_starts_and_once_when_it_ends()
    {
        await StoreOneWindowFirst();
        var logger = new RecordingLogger<WindowBuffer>();
        _diskFull = true;
        await using WindowBuffer buffer = WindowBuffer.Open(Options(), logger: logger);

        Task<long> first = buffer.AppendAsync(Large(1));
        await BufferFolder.Eventually(() => !buffer.Status().StorageWorking, "the full disk is noticed");
        // Retried every 20 ms: give it many failed attempts, each of which must stay quiet.
        await Task.Delay(TimeSpan.FromMilliseconds(300));
        _diskFull = false;
        await first.WaitAsync(TimeSpan.FromSeconds(15));

        (LogLevel Level, string Message)[] full = [.. logger.Entries.Where(e => e.Message.Contains("SQLITE_FULL", StringComparison.Ordinal))];
        Assert.Single(full);
        Assert.All(full, e => Assert.Equal(LogLevel.Warning, e.Level));
        (LogLevel Level, string Message)[] back = [.. logger.Entries.Where(e => e.Message.Contains("works again", StringComparison.Ordinal))];
        Assert.Single(back);
        Assert.All(back, e => Assert.Equal(LogLevel.Information, e.Level));
        Assert.Equal(2, logger.Entries.Count);
    }

    [Fact]
    public async Task A_full_disk_keeps_windows_in_memory_and_stores_each_once_when_space_returns()
    {
        await StoreOneWindowFirst();
        _diskFull = true;
        await using WindowBuffer buffer = WindowBuffer.Open(Options());

        buffer.Append(Large(1));
        Task<long> durable = buffer.AppendAsync(Large(2));
        await BufferFolder.Eventually(() => !buffer.Status().StorageWorking, "the full disk is noticed");

        WindowBufferStatus status = buffer.Status();
        Assert.Contains("SQLITE_FULL", status.LastError, StringComparison.Ordinal);
        Assert.Equal(2, status.QueuedInMemory);
        Assert.False(durable.IsCompleted);
        // What is on disk can still be sent meanwhile.
        Assert.Equal(SampleWindows.Quarterly(0).Start, Assert.Single(buffer.PeekOldest(10)).Window.Start);

        _diskFull = false;
        await durable.WaitAsync(TimeSpan.FromSeconds(15));
        await BufferFolder.Eventually(() => buffer.Status().UnsentWindows == 3, "both queued windows are stored");

        IReadOnlyList<StoredWindow> outbox = buffer.PeekOldest(10);
        Assert.Equal([0, 1, 2], outbox.Select(w => (int)((w.Window.Start - SampleWindows.Monday) / SampleWindows.Quarter)));
        WindowAssert.Same(Large(2), outbox[2].Window);
        Assert.True(buffer.Status().StorageWorking);
        Assert.Equal(0, buffer.Status().QueuedInMemory);
        Assert.Empty(buffer.Gaps());
    }

    [Fact]
    public async Task A_read_only_file_system_keeps_windows_in_memory_and_the_outbox_readable()
    {
        await StoreOneWindowFirst();
        _readOnly = true;
        await using WindowBuffer buffer = WindowBuffer.Open(Options());

        Task<long> durable = buffer.AppendAsync(SampleWindows.Quarterly(1));
        await BufferFolder.Eventually(() => !buffer.Status().StorageWorking, "the read-only file system is noticed");

        Assert.Contains("SQLITE_READONLY", buffer.Status().LastError, StringComparison.Ordinal);
        Assert.Equal(SampleWindows.Quarterly(0).Start, Assert.Single(buffer.PeekOldest(10)).Window.Start);
        // An acknowledgement cannot be written either: the window stays, to be sent again.
        Assert.Equal(0, buffer.Acknowledge([buffer.PeekOldest(1)[0].Id]));

        _readOnly = false;
        long id = await durable.WaitAsync(TimeSpan.FromSeconds(15));

        Assert.Equal(id, buffer.PeekOldest(10)[^1].Id);
        Assert.Equal(2, buffer.Status().UnsentWindows);
        Assert.True(buffer.Status().StorageWorking);
    }

    [Fact]
    public async Task A_buffer_whose_folder_cannot_be_created_starts_anyway_and_stores_once_it_can()
    {
        // A plain file where the folder should be: even root cannot create a folder through it.
        string blocker = Path.Combine(_folder.Folder, "not-mounted");
        await File.WriteAllTextAsync(blocker, "");
        var options = new WindowBufferOptions { DatabasePath = Path.Combine(blocker, "buffer.db"), RetryDelay = TimeSpan.FromMilliseconds(20) };
        await using WindowBuffer buffer = WindowBuffer.Open(options);

        buffer.Append(SampleWindows.Quarterly(0));
        Assert.False(buffer.Status().StorageWorking);
        Assert.Contains("not reachable", buffer.Status().LastError, StringComparison.Ordinal);
        Assert.Empty(buffer.PeekOldest(10));

        File.Delete(blocker);
        await BufferFolder.Eventually(() => buffer.Status().UnsentWindows == 1, "the window is stored");
    }

    [Fact]
    public async Task When_memory_overflows_while_storage_fails_the_oldest_queued_windows_become_a_gap()
    {
        await StoreOneWindowFirst();
        _readOnly = true;
        await using WindowBuffer buffer = WindowBuffer.Open(Options(memoryQueueCapacity: 3));

        Task<long>[] appends = [.. Enumerable.Range(1, 6).Select(n => buffer.AppendAsync(SampleWindows.Quarterly(n)))];
        _readOnly = false;
        await Task.WhenAll(appends.Select(a => a.ContinueWith(_ => { }, TaskScheduler.Default))).WaitAsync(TimeSpan.FromSeconds(15));

        // Which ones overflowed depends on when the writer held one; that all are accounted for does not.
        var dropped = Enumerable.Range(1, 6).Where(n => appends[n - 1].IsFaulted).ToList();
        Assert.All(dropped, n => Assert.IsType<WindowDroppedException>(appends[n - 1].Exception!.InnerException));
        Assert.NotEmpty(dropped);
        BufferGap gap = Assert.Single(buffer.Gaps());
        Assert.Equal(GapCause.MemoryQueueOverflow, gap.Cause);
        Assert.Equal(dropped.Count, gap.WindowCount);
        Assert.Equal(SampleWindows.Quarterly(dropped.Min()).Start, gap.From);
        Assert.Equal(SampleWindows.Quarterly(dropped.Max()).End, gap.To);
        Assert.Equal(
            Enumerable.Range(0, 7).Except(dropped).Select(n => SampleWindows.Quarterly(n).Start),
            buffer.PeekOldest(10).Select(w => w.Window.Start));
    }

    [Fact]
    public async Task Closing_while_storage_fails_tells_whoever_awaits_a_window_that_it_was_not_stored()
    {
        await StoreOneWindowFirst();
        _readOnly = true;
        WindowBuffer buffer = WindowBuffer.Open(Options());
        Task<long> durable = buffer.AppendAsync(SampleWindows.Quarterly(1));
        await BufferFolder.Eventually(() => !buffer.Status().StorageWorking, "the read-only file system is noticed");

        await buffer.DisposeAsync();

        WindowDroppedException dropped = await Assert.ThrowsAsync<WindowDroppedException>(() => durable);
        Assert.Contains("SQLITE_READONLY", dropped.Message, StringComparison.Ordinal);
    }
}

using EdgeNode.Daemon.Buffer;
using EdgeNode.Daemon.Windows;

namespace EdgeNode.Daemon.Tests.Buffer;

/// <summary>The outbox against a real SQLite file in a temporary folder.</summary>
public sealed class WindowBufferOutboxTests : IDisposable
{
    private readonly BufferFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task A_stored_window_comes_back_with_every_field_after_a_restart()
    {
        ClosedWindow window = SampleWindows.Full();
        long id;
        await using (WindowBuffer buffer = _folder.Open())
        {
            id = await buffer.AppendAsync(window);
        }

        await using WindowBuffer reopened = _folder.Open();
        StoredWindow stored = Assert.Single(reopened.PeekOldest(10));

        Assert.Equal(id, stored.Id);
        WindowAssert.Same(window, stored.Window);
    }

    [Fact]
    public async Task The_file_uses_a_write_ahead_log()
    {
        await using WindowBuffer buffer = _folder.Open();
        await buffer.AppendAsync(SampleWindows.Quarterly(0));

        Assert.True(File.Exists(_folder.DatabasePath + "-wal"));
    }

    [Fact]
    public async Task A_new_file_uses_small_pages_to_spare_the_sd_card()
    {
        await using (WindowBuffer buffer = _folder.Open())
        {
            await buffer.AppendAsync(SampleWindows.Quarterly(0));
        }

        // The SQLite header stores the page size big-endian at offset 16.
        await using FileStream file = File.OpenRead(_folder.DatabasePath);
        byte[] header = new byte[18];
        await file.ReadExactlyAsync(header);
        Assert.Equal(1024, (header[16] << 8) | header[17]);
    }

    [Fact]
    public async Task A_restart_keeps_every_unacknowledged_window_and_forgets_the_acknowledged()
    {
        await using (WindowBuffer buffer = _folder.Open())
        {
            for (int n = 0; n < 5; n++)
            {
                await buffer.AppendAsync(SampleWindows.Quarterly(n));
            }

            IReadOnlyList<StoredWindow> first = buffer.PeekOldest(2);
            Assert.Equal(2, buffer.Acknowledge(first.Select(w => w.Id)));
        }

        await using WindowBuffer reopened = _folder.Open();

        Assert.Equal(
            [SampleWindows.Quarterly(2).Start, SampleWindows.Quarterly(3).Start, SampleWindows.Quarterly(4).Start],
            reopened.PeekOldest(10).Select(w => w.Window.Start));
    }

    [Fact]
    public async Task Acknowledging_deletes_those_ids_only_and_ignores_unknown_ones()
    {
        await using WindowBuffer buffer = _folder.Open();
        long[] ids = new long[4];
        for (int n = 0; n < 4; n++)
        {
            ids[n] = await buffer.AppendAsync(SampleWindows.Quarterly(n));
        }

        int deleted = buffer.Acknowledge([ids[1], ids[3], ids[3], 999_999]);

        Assert.Equal(2, deleted);
        Assert.Equal([ids[0], ids[2]], buffer.PeekOldest(10).Select(w => w.Id));
    }

    [Fact]
    public async Task Windows_come_out_oldest_start_first_whatever_order_they_arrived_in()
    {
        await using WindowBuffer buffer = _folder.Open();
        foreach (int n in new[] { 3, 0, 2, 1 })
        {
            await buffer.AppendAsync(SampleWindows.Quarterly(n));
        }

        Assert.Equal(
            Enumerable.Range(0, 4).Select(n => SampleWindows.Quarterly(n).Start),
            buffer.PeekOldest(10).Select(w => w.Window.Start));
        Assert.Equal([SampleWindows.Quarterly(0).Start, SampleWindows.Quarterly(1).Start], buffer.PeekOldest(2).Select(w => w.Window.Start));
    }

    [Fact]
    public async Task Append_returns_before_the_disk_and_the_writer_stores_everything_in_order()
    {
        await using WindowBuffer buffer = _folder.Open();
        for (int n = 0; n < 20; n++)
        {
            buffer.Append(SampleWindows.Quarterly(n));
        }

        await BufferFolder.Eventually(() => buffer.Status().UnsentWindows == 20, "all 20 windows are stored");

        Assert.Equal(Enumerable.Range(0, 20).Select(n => SampleWindows.Quarterly(n).Start), buffer.PeekOldest(50).Select(w => w.Window.Start));
        Assert.Equal(0, buffer.Status().QueuedInMemory);
    }

    [Fact]
    public async Task Concurrent_appends_while_the_uplink_peeks_and_acknowledges_lose_nothing()
    {
        await using WindowBuffer buffer = _folder.Open();
        const int windows = 200;
        var acknowledged = new List<DateTimeOffset>();
        using var done = new CancellationTokenSource();

        Task uplink = Task.Run(async () =>
        {
            while (!done.IsCancellationRequested)
            {
                IReadOnlyList<StoredWindow> batch = buffer.PeekOldest(7);
                Assert.Equal(batch.Select(w => w.Window.Start).Order(), batch.Select(w => w.Window.Start));
                buffer.Acknowledge(batch.Take(3).Select(w => w.Id));
                acknowledged.AddRange(batch.Take(3).Select(w => w.Window.Start));
                await Task.Yield();
            }
        });
        Task[] samplers = Enumerable.Range(0, 4).Select(s => Task.Run(async () =>
        {
            for (int n = s; n < windows; n += 4)
            {
                await buffer.AppendAsync(SampleWindows.Quarterly(n));
            }
        })).ToArray();

        await Task.WhenAll(samplers);
        await done.CancelAsync();
        await uplink;

        IEnumerable<DateTimeOffset> left = buffer.PeekOldest(windows).Select(w => w.Window.Start);
        Assert.Equal(
            Enumerable.Range(0, windows).Select(n => SampleWindows.Quarterly(n).Start),
            acknowledged.Concat(left).Order());
    }

    [Fact]
    public async Task Status_reports_what_the_buffer_holds()
    {
        await using WindowBuffer buffer = WindowBuffer.Open(_folder.Options(quotaBytes: 1024 * 1024));
        await buffer.AppendAsync(SampleWindows.Quarterly(7));
        await buffer.AppendAsync(SampleWindows.Quarterly(5));

        WindowBufferStatus status = buffer.Status();

        Assert.Equal(_folder.DatabasePath, status.DatabasePath);
        Assert.Equal(1024 * 1024, status.QuotaBytes);
        Assert.Equal(2, status.UnsentWindows);
        Assert.Equal(SampleWindows.Quarterly(5).Start, status.OldestUnsentStart);
        Assert.InRange(status.BytesUsed!.Value, 4096, 64 * 1024);
        Assert.Equal(0, status.GapsPendingReport);
        Assert.Equal(0, status.DownsamplingsPendingReport);
        Assert.Equal(0, status.SetAsidePendingReport);
        Assert.True(status.StorageWorking);
        Assert.Null(status.LastError);
    }

    [Fact]
    public async Task Appending_after_closing_is_refused()
    {
        WindowBuffer buffer = _folder.Open();
        await buffer.DisposeAsync();

        Assert.Throws<ObjectDisposedException>(() => buffer.Append(SampleWindows.Quarterly(0)));
    }

    [Fact]
    public async Task A_partial_window_whose_earlier_piece_is_stored_is_stored_as_one_window_of_both_pieces_across_a_restart()
    {
        ClosedWindow stoppedAt = SampleWindows.Quarterly(4) with { Partial = true };
        ClosedWindow startedAgain = SampleWindows.Quarterly(4) with
        {
            Partial = true,
            Sensors = [new SensorWindow("bme280", 0.25, [new MetricSummary(EdgeNode.Sensors.Metric.TemperatureCelsius, 5, 30, 29, 31, 30)], 0, null)],
        };
        long earlierId;
        await using (WindowBuffer buffer = _folder.Open())
        {
            await buffer.AppendAsync(SampleWindows.Quarterly(3));
            earlierId = await buffer.AppendAsync(stoppedAt);
        }

        await using WindowBuffer reopened = _folder.Open();
        long id = await reopened.AppendAsync(startedAgain);

        IReadOnlyList<StoredWindow> stored = reopened.PeekOldest(10);
        Assert.Equal([SampleWindows.Quarterly(3).Start, stoppedAt.Start], stored.Select(w => w.Window.Start));
        WindowAssert.Same(WindowMerger.Overlay(stoppedAt, startedAgain), stored[1].Window);
        Assert.Equal(15, stored[1].Window.Sensors.Single().Metrics.Single().Count);
        // A new row: an acknowledgement of the earlier piece, were it on its way, would not delete the merged window.
        Assert.NotEqual(earlierId, id);
        Assert.Equal(0, reopened.Acknowledge([earlierId]));
        Assert.Equal(2, reopened.PeekOldest(10).Count);
    }

    [Fact]
    public async Task Only_partial_dated_pieces_merge_a_complete_window_with_the_same_start_is_stored_beside()
    {
        await using WindowBuffer buffer = _folder.Open();
        await buffer.AppendAsync(SampleWindows.Quarterly(0) with { Partial = true });
        await buffer.AppendAsync(SampleWindows.Quarterly(0));
        await buffer.AppendAsync(SampleWindows.Quarterly(1));
        await buffer.AppendAsync(SampleWindows.Quarterly(1) with { Partial = true, Time = WindowTimeQuality.Unconfirmed });

        Assert.Equal(4, buffer.PeekOldest(10).Count);
    }
}

using System.Threading.Channels;
using EdgeNode.Daemon.Clock;
using EdgeNode.Daemon.Windows;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace EdgeNode.Daemon.Buffer;

/// <summary>
/// The node's durable store of closed windows: the outbox the uplink drains, kept in a SQLite file until the fleet
/// acknowledges each window. The sampler hands windows over with <see cref="Append"/>, which never waits for the
/// disk: a writer task stores them one transaction each, in order, and keeps them in a bounded memory queue (retried)
/// while storage fails. Past the quota, the oldest windows are downsampled, then dropped; a corrupt file is set aside
/// and replaced. None of it is silent: every loss and coarsening is recorded for the fleet (<see cref="Gaps"/>,
/// <see cref="Downsamplings"/>, <see cref="SetAsideFiles"/>) and the last trouble is in <see cref="Status"/>.
/// </summary>
/// <remarks>Every method is safe to call from any thread; storage failures are recorded, never thrown.</remarks>
public sealed class WindowBuffer : IAsyncDisposable
{
    private readonly WindowBufferOptions _options;
    private readonly TimeProvider _time;
    private readonly PendingQueue _queue;
    private readonly Channel<bool> _doorbell = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly CancellationTokenSource _stop = new();

    private readonly BufferFile _file;

    // Boots whose wall offset is known (see Restamp): their stamped windows are dated as they are stored.
    private readonly Dictionary<string, TimeSpan> _wallOffsets = new(StringComparer.Ordinal);
    private readonly Lock _offsetsGate = new();

    private Task _writer = Task.CompletedTask;
    private volatile bool _closing;

    private WindowBuffer(WindowBufferOptions options, TimeProvider time, ILogger logger)
    {
        _options = options;
        _time = time;
        _file = new BufferFile(options, time, logger);
        _queue = new PendingQueue(options.MemoryQueueCapacity);
    }

    /// <summary>
    /// Opens (or creates) the buffer file, checks its integrity, sets it aside if corrupt, and starts the writer.
    /// A file that cannot be opened at all (read-only or missing medium) does not stop the node: windows wait in
    /// memory and opening is retried.
    /// </summary>
    /// <param name="logger">Told once when storage starts failing and once when it works again, not at every retry.</param>
    public static WindowBuffer Open(WindowBufferOptions options, TimeProvider? time = null, ILogger? logger = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(options.DatabasePath);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.QuotaBytes, 64 * 1024L, nameof(options.QuotaBytes));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MemoryQueueCapacity, 1, nameof(options.MemoryQueueCapacity));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.RetryDelay, TimeSpan.Zero, nameof(options.RetryDelay));

        var buffer = new WindowBuffer(options, time ?? TimeProvider.System, logger ?? NullLogger.Instance);
        buffer._file.Open();

        buffer._writer = Task.Run(buffer.WriteAsync);
        return buffer;
    }

    /// <summary>Hands a closed window over for storing and returns at once; for the sampler, which must never wait on the disk.</summary>
    /// <param name="stamp">For an Unconfirmed window: where it started on its boot's monotonic clock, so that <see cref="Restamp"/> can date it.</param>
    /// <exception cref="ObjectDisposedException">The buffer was closed.</exception>
    /// <exception cref="ArgumentException">A stamp was given for a window that is not Unconfirmed.</exception>
    public void Append(ClosedWindow window, BootStamp? stamp = null) => Enqueue(window, stamp);

    /// <summary>Hands a closed window over and completes, with its outbox id, once it is durable on disk.</summary>
    /// <exception cref="WindowDroppedException">The window was dropped from memory before storage recovered, or the buffer closed first.</exception>
    public Task<long> AppendAsync(ClosedWindow window, CancellationToken cancellationToken = default) =>
        AppendAsync(window, null, cancellationToken);

    /// <inheritdoc cref="AppendAsync(ClosedWindow, CancellationToken)"/>
    /// <param name="stamp">For an Unconfirmed window: where it started on its boot's monotonic clock.</param>
    public Task<long> AppendAsync(ClosedWindow window, BootStamp? stamp, CancellationToken cancellationToken = default) =>
        Enqueue(window, stamp).Stored.Task.WaitAsync(cancellationToken);

    /// <summary>
    /// The wall clock is now synchronised, and wall time = monotonic time + <paramref name="wallOffset"/> for
    /// <paramref name="bootId"/>: dates that boot's stamped windows, those stored (in one transaction) and those
    /// still to be stored (as they are stored). Each becomes <see cref="WindowTimeQuality.Restamped"/>, starting at
    /// its monotonic start + offset, same length, not re-aligned to the grid. Windows of other boots are untouched:
    /// their monotonic clock is gone, and they stay Unconfirmed.
    /// </summary>
    /// <returns>How many stored windows were re-stamped; 0 as well when the file cannot be written (they are re-stamped at the next call).</returns>
    public int Restamp(string bootId, TimeSpan wallOffset)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(bootId);
        lock (_offsetsGate)
        {
            _wallOffsets[bootId] = wallOffset;
        }

        return _file.Use("re-stamp windows recorded before the clock was synchronised", database => database.Restamp(bootId, wallOffset), 0);
    }

    /// <summary>
    /// True for an Unconfirmed window of this process's boot (<see cref="WindowBufferOptions.BootId"/>) not yet
    /// re-stamped: it may still be dated once the clock is synchronised, so the uplink may hold it back a while
    /// rather than send it undatable. Windows of earlier boots never will be, and go as they are, flagged.
    /// </summary>
    public bool IsAwaitingRestamp(StoredWindow window)
    {
        ArgumentNullException.ThrowIfNull(window);
        if (window.Stamp is not { } stamp || _options.BootId is null || stamp.BootId != _options.BootId)
        {
            return false;
        }

        lock (_offsetsGate)
        {
            return !_wallOffsets.ContainsKey(stamp.BootId);
        }
    }

    private PendingWindow Enqueue(ClosedWindow window, BootStamp? stamp)
    {
        if (stamp is not null && window.Time != WindowTimeQuality.Unconfirmed)
        {
            throw new ArgumentException($"Only an Unconfirmed window is stamped for re-stamping; this one is {window.Time}.", nameof(stamp));
        }

        var pending = new PendingWindow(window, WindowCodec.Encode(window), stamp);
        if (!_queue.Add(pending))
        {
            throw new ObjectDisposedException(nameof(WindowBuffer), "The window buffer is closed: windows can no longer be stored.");
        }

        _doorbell.Writer.TryWrite(true);
        return pending;
    }

    /// <summary>Up to <paramref name="max"/> stored windows, oldest start first; empty while the file cannot be read.</summary>
    public IReadOnlyList<StoredWindow> PeekOldest(int max)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        return _file.Use("read the outbox", database =>
        {
            List<StoredWindow> stored = database.PeekOldest(max, _time.GetUtcNow());
            foreach (StoredWindow window in stored)
            {
                _file.Saw(window.Id);
            }

            return stored;
        }, []);
    }

    /// <summary>Deletes windows the fleet has committed. Ids no longer stored are ignored.</summary>
    /// <returns>How many were deleted; 0 when the file could not be written (they will be sent again, harmlessly).</returns>
    public int Acknowledge(IEnumerable<long> ids)
    {
        List<long> list = ids.ToList();
        return _file.Use("delete acknowledged windows", database => database.Acknowledge(list), 0);
    }

    /// <summary>Windows lost, oldest record first, until marked reported.</summary>
    public IReadOnlyList<BufferGap> Gaps() => _file.Use("read the gaps", database => database.Gaps(), []);

    /// <summary>Downsamplings done, oldest record first, until marked reported.</summary>
    public IReadOnlyList<BufferDownsampling> Downsamplings() => _file.Use("read the downsamplings", database => database.Downsamplings(), []);

    /// <summary>Corrupt files set aside, oldest first, until marked reported (the files themselves stay).</summary>
    public IReadOnlyList<SetAsideDatabase> SetAsideFiles() => _file.Use("read the set-aside files", database => database.SetAside(), []);

    /// <summary>Forgets gap records the fleet has received.</summary>
    public int MarkGapsReported(IEnumerable<long> ids) => DeleteReports("gaps", ids);

    /// <summary>Forgets downsampling records the fleet has received.</summary>
    public int MarkDownsamplingsReported(IEnumerable<long> ids) => DeleteReports("downsamplings", ids);

    /// <summary>Forgets set-aside records the fleet has received; the files are left for a technician.</summary>
    public int MarkSetAsideReported(IEnumerable<long> ids) => DeleteReports("set_aside", ids);

    private int DeleteReports(string table, IEnumerable<long> ids)
    {
        List<long> list = ids.ToList();
        return _file.Use($"delete reported {table} records", database => database.DeleteReports(table, list), 0);
    }

    public WindowBufferStatus Status()
    {
        DatabaseFigures? figures = _file.Use("read the status", database => database.Figures(), null);
        (bool storageWorking, string? lastError, DateTimeOffset? lastErrorAt) = _file.Health;
        return new WindowBufferStatus(
            _options.DatabasePath,
            _options.QuotaBytes,
            figures?.BytesUsed,
            figures?.UnsentWindows,
            figures?.OldestUnsentStart,
            _queue.Count,
            figures?.Gaps,
            figures?.Downsamplings,
            figures?.SetAside,
            storageWorking,
            lastError,
            lastErrorAt,
            figures?.Unconfirmed,
            figures?.Restamped);
    }

    private async Task WriteAsync()
    {
        while (true)
        {
            if (_queue.Take() is not { } next)
            {
                if (_closing)
                {
                    return;
                }

                await WaitAsync(() => _doorbell.Reader.ReadAsync(_stop.Token).AsTask());
                continue;
            }

            long id = StoreOrFail(next.Window, next.Overflow);
            if (id > 0)
            {
                _queue.Stored();
                next.Window.Stored.TrySetResult(id);
                continue;
            }

            _queue.NotStored(next.Overflow);
            if (_closing)
            {
                return;
            }

            await WaitAsync(() => Task.Delay(_options.RetryDelay, _time, _stop.Token));
        }
    }

    /// <returns>The new id, or 0 when the window could not be stored.</returns>
    private long StoreOrFail(PendingWindow pending, DroppedSpan? overflow)
    {
        try
        {
            // Dated inside the store, under the file's gate: a Restamp can then come wholly before it (the window is stored
            // dated) or wholly after (the stored window is re-stamped), never in between.
            long id = _file.Use("store a window", database =>
            {
                (ClosedWindow window, byte[] payload, BootStamp? stamp) = DatedIfKnown(pending);
                return database.Store(window, payload, stamp, _options.BootId, overflow, _options.QuotaBytes, _time.GetUtcNow());
            }, 0L);
            _file.Stored(id, _queue.Count);
            return id;
        }
        catch (Exception e)
        {
            // Not a storage failure but a bug: the writer must outlive it, or windows would pile up unseen.
            _file.Unexpected(e);
            return 0;
        }
    }

    /// <summary>A stamped window whose boot's offset is already known is stored re-stamped, never left behind as Unconfirmed.</summary>
    private (ClosedWindow Window, byte[] Payload, BootStamp? Stamp) DatedIfKnown(PendingWindow pending)
    {
        TimeSpan offset = default;
        bool known;
        lock (_offsetsGate)
        {
            known = pending.Stamp is { } s && _wallOffsets.TryGetValue(s.BootId, out offset);
        }

        if (known && pending.Stamp is { } stamp)
        {
            ClosedWindow dated = WindowRestamp.Apply(pending.Window, stamp.MonotonicStart, offset);
            return (dated, WindowCodec.Encode(dated), null);
        }

        return (pending.Window, pending.Payload, pending.Stamp);
    }

    private static async Task WaitAsync(Func<Task> wait)
    {
        try
        {
            await wait().ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Closing: the loop drains what it can, then ends.
        }
    }

    /// <summary>Stores what is still queued if storage works, fails the awaiters of what is not, and closes the file.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_closing)
        {
            return;
        }

        _closing = true;
        await _stop.CancelAsync().ConfigureAwait(false);
        await _writer.ConfigureAwait(false);
        string? lastError = _file.Close();

        foreach (PendingWindow left in _queue.Close())
        {
            left.Stored.TrySetException(new WindowDroppedException(
                $"The buffer closed before the window starting {left.Window.Start:u} could be stored ({lastError ?? "storage failing"}). It is lost and not recorded."));
        }

        _stop.Dispose();
    }
}

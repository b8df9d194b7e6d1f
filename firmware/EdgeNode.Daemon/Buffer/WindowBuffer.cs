using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using EdgeNode.Daemon.Clock;
using EdgeNode.Daemon.Windows;

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

    // Boots whose wall offset is known (see Restamp): their stamped windows are dated as they are stored. Guarded by _gate.
    private readonly Dictionary<string, TimeSpan> _wallOffsets = new(StringComparer.Ordinal);

    // Guards everything below: one connection, used by one caller at a time.
    private readonly Lock _gate = new();
    private BufferDatabase? _database;
    private bool _integrityChecked;
    private long _highestIdSeen;
    private readonly ILogger _logger;
    private bool _storageWorking = true;
    private string? _lastError;
    private DateTimeOffset? _lastErrorAt;

    private Task _writer = Task.CompletedTask;
    private volatile bool _closing;

    private WindowBuffer(WindowBufferOptions options, TimeProvider time, ILogger logger)
    {
        _options = options;
        _time = time;
        _logger = logger;
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
        lock (buffer._gate)
        {
            buffer.OpenLocked();
        }

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
        lock (_gate)
        {
            _wallOffsets[bootId] = wallOffset;
        }

        return Use("re-stamp windows recorded before the clock was synchronised", database => database.Restamp(bootId, wallOffset), 0);
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

        lock (_gate)
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
        return Use("read the outbox", database =>
        {
            List<StoredWindow> stored = database.PeekOldest(max, _time.GetUtcNow());
            foreach (StoredWindow window in stored)
            {
                _highestIdSeen = Math.Max(_highestIdSeen, window.Id);
            }

            return stored;
        }, []);
    }

    /// <summary>Deletes windows the fleet has committed. Ids no longer stored are ignored.</summary>
    /// <returns>How many were deleted; 0 when the file could not be written (they will be sent again, harmlessly).</returns>
    public int Acknowledge(IEnumerable<long> ids)
    {
        List<long> list = ids.ToList();
        return Use("delete acknowledged windows", database => database.Acknowledge(list), 0);
    }

    /// <summary>Windows lost, oldest record first, until marked reported.</summary>
    public IReadOnlyList<BufferGap> Gaps() => Use("read the gaps", database => database.Gaps(), []);

    /// <summary>Downsamplings done, oldest record first, until marked reported.</summary>
    public IReadOnlyList<BufferDownsampling> Downsamplings() => Use("read the downsamplings", database => database.Downsamplings(), []);

    /// <summary>Corrupt files set aside, oldest first, until marked reported (the files themselves stay).</summary>
    public IReadOnlyList<SetAsideDatabase> SetAsideFiles() => Use("read the set-aside files", database => database.SetAside(), []);

    /// <summary>Forgets gap records the fleet has received.</summary>
    public int MarkGapsReported(IEnumerable<long> ids) => DeleteReports("gaps", ids);

    /// <summary>Forgets downsampling records the fleet has received.</summary>
    public int MarkDownsamplingsReported(IEnumerable<long> ids) => DeleteReports("downsamplings", ids);

    /// <summary>Forgets set-aside records the fleet has received; the files are left for a technician.</summary>
    public int MarkSetAsideReported(IEnumerable<long> ids) => DeleteReports("set_aside", ids);

    private int DeleteReports(string table, IEnumerable<long> ids)
    {
        List<long> list = ids.ToList();
        return Use($"delete reported {table} records", database => database.DeleteReports(table, list), 0);
    }

    public WindowBufferStatus Status()
    {
        DatabaseFigures? figures = Use("read the status", database => database.Figures(), null);
        lock (_gate)
        {
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
                _storageWorking,
                _lastError,
                _lastErrorAt,
                figures?.Unconfirmed,
                figures?.Restamped);
        }
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
            // Dated inside the store, under the gate: a Restamp can then come wholly before it (the window is stored
            // dated) or wholly after (the stored window is re-stamped), never in between.
            long id = Use("store a window", database =>
            {
                (ClosedWindow window, byte[] payload, BootStamp? stamp) = DatedIfKnownLocked(pending);
                return database.Store(window, payload, stamp, _options.BootId, overflow, _options.QuotaBytes, _time.GetUtcNow());
            }, 0L);
            lock (_gate)
            {
                _highestIdSeen = Math.Max(_highestIdSeen, id);

                // Only a stored window shows storage works again: reads, and deletes that free pages, still succeed
                // on a full card.
                if (id > 0 && !_storageWorking)
                {
                    _storageWorking = true;
                    _logger.LogInformation("Buffer storage works again since {Since:u}; windows kept in memory are being stored ({Queued} waiting)",
                        _lastErrorAt, _queue.Count);
                }
            }

            return id;
        }
        catch (Exception e)
        {
            // Not a storage failure but a bug: the writer must outlive it, or windows would pile up unseen.
            lock (_gate)
            {
                Record(storageWorking: false, $"Storing a window failed unexpectedly ({e.GetType().Name}: {e.Message}). This is a firmware bug: report it with the node's logs. Windows are kept in memory and retried.");
            }

            return 0;
        }
    }

    /// <summary>A stamped window whose boot's offset is already known is stored re-stamped, never left behind as Unconfirmed.</summary>
    private (ClosedWindow Window, byte[] Payload, BootStamp? Stamp) DatedIfKnownLocked(PendingWindow pending)
    {
        if (pending.Stamp is { } stamp && _wallOffsets.TryGetValue(stamp.BootId, out TimeSpan offset))
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

    /// <summary>Runs one operation on the file, recovering from corruption once (the retry runs on the fresh file).</summary>
    private T Use<T>(string action, Func<BufferDatabase, T> operation, T whenUnavailable)
    {
        lock (_gate)
        {
            for (int pass = 0; pass < 2; pass++)
            {
                if (OpenLocked() is not { } database)
                {
                    return whenUnavailable;
                }

                try
                {
                    return operation(database);
                }
                catch (Exception e) when (StorageFailure.IsCorruption(e))
                {
                    SetAsideLocked(e);
                }
                catch (Exception e) when (StorageFailure.IsStorage(e))
                {
                    FailedLocked(action, e);
                    return whenUnavailable;
                }
            }

            return whenUnavailable;
        }
    }

    private BufferDatabase? OpenLocked()
    {
        if (_database is not null)
        {
            return _database;
        }

        try
        {
            _database = BufferDatabase.Open(_options.DatabasePath, checkIntegrity: !_integrityChecked, _options.OnConnectionOpened);
            _integrityChecked = true;
        }
        catch (Exception e) when (StorageFailure.IsCorruption(e))
        {
            SetAsideLocked(e);
        }
        catch (Exception e) when (StorageFailure.IsStorage(e))
        {
            FailedLocked("open the buffer", e);
        }

        return _database;
    }

    private void SetAsideLocked(Exception cause)
    {
        CloseLocked();
        DateTimeOffset now = _time.GetUtcNow();
        BufferDatabase? fresh = null;
        try
        {
            string setAsidePath = CorruptFile.SetAside(_options.DatabasePath, now);
            using var salvage = DatabaseSalvage.From(setAsidePath);
            string reason = cause.Message;
            fresh = BufferDatabase.Open(_options.DatabasePath, checkIntegrity: false, _options.OnConnectionOpened);
            long idFloor = Math.Max(_highestIdSeen, salvage.HighestId);
            SetAsideDatabase record = fresh.StartAfterSetAside(idFloor, salvage, setAsidePath, reason, now);
            _highestIdSeen = idFloor;
            _database = fresh;
            _integrityChecked = true;
            Record(storageWorking: true, $"The buffer database {_options.DatabasePath} could not be used ({reason}). It was set aside as {setAsidePath} and a fresh one started; "
                + $"{record.WindowsSalvaged} windows were salvaged{(record.ReadToEnd ? "" : ", others may be lost")}. "
                + "Copy the old file off for analysis; if this happens again, replace the SD card.");
        }
        catch (Exception e) when (StorageFailure.IsStorage(e))
        {
            fresh?.Dispose();
            FailedLocked("set the corrupt buffer aside and start a fresh one", e);
        }
    }

    private void FailedLocked(string action, Exception e)
    {
        CloseLocked();
        Record(storageWorking: false, $"Could not {action}. {StorageFailure.Describe(e, _options.DatabasePath, _options.RetryDelay)}");
    }

    private void Record(bool storageWorking, string message)
    {
        // One line per episode: the writer retries every few seconds, and a full card can last days.
        if (_storageWorking && !storageWorking)
        {
            _logger.LogWarning("Buffer storage failing: {Problem}", message);
        }
        else if (storageWorking)
        {
            _logger.LogWarning("Buffer database replaced: {Problem}", message);
        }

        _storageWorking = storageWorking;
        _lastError = message;
        _lastErrorAt = _time.GetUtcNow();
    }

    private void CloseLocked()
    {
        // Closing drops any state the failure left on the connection; the next use opens afresh.
        _database?.Dispose();
        _database = null;
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
        string? lastError;
        lock (_gate)
        {
            CloseLocked();
            lastError = _lastError;
        }

        foreach (PendingWindow left in _queue.Close())
        {
            left.Stored.TrySetException(new WindowDroppedException(
                $"The buffer closed before the window starting {left.Window.Start:u} could be stored ({lastError ?? "storage failing"}). It is lost and not recorded."));
        }

        _stop.Dispose();
    }
}

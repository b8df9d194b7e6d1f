using Microsoft.Extensions.Logging;

namespace EdgeNode.Daemon.Buffer;

/// <summary>
/// The buffer's one connection to its SQLite file, kept usable: opened (and its integrity checked) on first use and
/// again after a failure, a corrupt file set aside and replaced by a fresh one with what could be salvaged, and every
/// storage trouble recorded once per episode for the status and the log.
/// </summary>
/// <remarks>One caller at a time: every use holds the gate.</remarks>
internal sealed class BufferFile(WindowBufferOptions options, TimeProvider time, ILogger logger)
{
    private readonly Lock _gate = new();
    private BufferDatabase? _database;
    private bool _integrityChecked;
    private long _highestIdSeen;
    private bool _storageWorking = true;
    private string? _lastError;
    private DateTimeOffset? _lastErrorAt;

    /// <summary>Whether storing works, and the last trouble met, for the status.</summary>
    public (bool StorageWorking, string? LastError, DateTimeOffset? LastErrorAt) Health
    {
        get
        {
            lock (_gate)
            {
                return (_storageWorking, _lastError, _lastErrorAt);
            }
        }
    }

    /// <summary>Opens the file now, so that trouble is known at start; a file that cannot be opened is retried at the next use.</summary>
    public void Open()
    {
        lock (_gate)
        {
            OpenLocked();
        }
    }

    /// <summary>Runs one operation on the file, recovering from corruption once (the retry runs on the fresh file).</summary>
    /// <param name="action">What is being done, for the message when it fails ("store a window").</param>
    public T Use<T>(string action, Func<BufferDatabase, T> operation, T whenUnavailable)
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

    /// <summary>Ids handed out so far, so that a fresh file after a set-aside never reuses one the uplink may still hold.</summary>
    public void Saw(long id)
    {
        lock (_gate)
        {
            _highestIdSeen = Math.Max(_highestIdSeen, id);
        }
    }

    /// <summary>A window was stored as <paramref name="id"/> (0: it was not): only a stored window shows storage works again.</summary>
    /// <param name="queued">Windows still waiting in memory, for the log.</param>
    public void Stored(long id, int queued)
    {
        lock (_gate)
        {
            _highestIdSeen = Math.Max(_highestIdSeen, id);

            // Reads, and deletes that free pages, still succeed on a full card.
            if (id > 0 && !_storageWorking)
            {
                _storageWorking = true;
                logger.LogInformation("Buffer storage works again since {Since:u}; windows kept in memory are being stored ({Queued} waiting)", _lastErrorAt, queued);
            }
        }
    }

    /// <summary>Storing failed for a reason that is not the file's: a firmware bug, said as such.</summary>
    public void Unexpected(Exception e)
    {
        lock (_gate)
        {
            Record(storageWorking: false, $"Storing a window failed unexpectedly ({e.GetType().Name}: {e.Message}). This is a firmware bug: report it with the node's logs. Windows are kept in memory and retried.");
        }
    }

    /// <summary>Closes the file.</summary>
    /// <returns>The last trouble met, for what could not be stored.</returns>
    public string? Close()
    {
        lock (_gate)
        {
            CloseLocked();
            return _lastError;
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
            _database = BufferDatabase.Open(options.DatabasePath, checkIntegrity: !_integrityChecked, options.OnConnectionOpened);
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
        DateTimeOffset now = time.GetUtcNow();
        BufferDatabase? fresh = null;
        try
        {
            string setAsidePath = CorruptFile.SetAside(options.DatabasePath, now);
            using var salvage = DatabaseSalvage.From(setAsidePath);
            string reason = cause.Message;
            fresh = BufferDatabase.Open(options.DatabasePath, checkIntegrity: false, options.OnConnectionOpened);
            long idFloor = Math.Max(_highestIdSeen, salvage.HighestId);
            SetAsideDatabase record = fresh.StartAfterSetAside(idFloor, salvage, setAsidePath, reason, now);
            _highestIdSeen = idFloor;
            _database = fresh;
            _integrityChecked = true;
            Record(storageWorking: true, $"The buffer database {options.DatabasePath} could not be used ({reason}). It was set aside as {setAsidePath} and a fresh one started; "
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
        Record(storageWorking: false, $"Could not {action}. {StorageFailure.Describe(e, options.DatabasePath, options.RetryDelay)}");
    }

    private void Record(bool storageWorking, string message)
    {
        // One line per episode: the writer retries every few seconds, and a full card can last days.
        if (_storageWorking && !storageWorking)
        {
            logger.LogWarning("Buffer storage failing: {Problem}", message);
        }
        else if (storageWorking)
        {
            logger.LogWarning("Buffer database replaced: {Problem}", message);
        }

        _storageWorking = storageWorking;
        _lastError = message;
        _lastErrorAt = time.GetUtcNow();
    }

    private void CloseLocked()
    {
        // Closing drops any state the failure left on the connection; the next use opens afresh.
        _database?.Dispose();
        _database = null;
    }
}

namespace EdgeNode.Daemon.Buffer;

/// <summary>The buffer at a glance, for the health report. Figures read from the file are null while it cannot be opened.</summary>
/// <param name="BytesUsed">SQLite pages in use, what the quota counts (the write-ahead log, at most about 1 MB after a checkpoint, comes on top).</param>
/// <param name="UnsentWindows">Windows stored and not yet acknowledged by the fleet.</param>
/// <param name="QueuedInMemory">Windows not yet on disk: a handful normally, more while storage fails.</param>
/// <param name="StorageWorking">False after the last attempt to use the file failed; <paramref name="LastError"/> says why.</param>
/// <param name="UnconfirmedWindows">Stored windows whose time was never confirmed (recorded before synchronisation, not yet or never re-stamped).</param>
/// <param name="RestampedWindows">Stored windows dated after the fact from time since boot.</param>
/// <param name="LastError">What last went wrong and what to do about it, for an operator; kept after recovery.</param>
public sealed record WindowBufferStatus(
    string DatabasePath,
    long QuotaBytes,
    long? BytesUsed,
    int? UnsentWindows,
    DateTimeOffset? OldestUnsentStart,
    int QueuedInMemory,
    int? GapsPendingReport,
    int? DownsamplingsPendingReport,
    int? SetAsidePendingReport,
    bool StorageWorking,
    string? LastError,
    DateTimeOffset? LastErrorAt,
    int? UnconfirmedWindows = null,
    int? RestampedWindows = null);

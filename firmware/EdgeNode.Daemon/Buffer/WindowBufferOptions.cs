namespace EdgeNode.Daemon.Buffer;

/// <summary>Settings of the node's durable window buffer.</summary>
public sealed class WindowBufferOptions
{
    /// <summary>The SQLite file; its folder is created if missing. The service's default is /var/lib/edgenode/buffer.db.</summary>
    public required string DatabasePath { get; init; }

    /// <summary>
    /// Most the database may hold, counted as SQLite pages in use. Past it the oldest unsent windows are downsampled,
    /// then dropped (and both recorded). 64 MB keeps well over a year of 15-minute windows.
    /// </summary>
    public long QuotaBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>
    /// Windows held in memory while storage fails (disk full, read-only, I/O errors). Past it the oldest queued window
    /// is dropped and counted as a gap. 672 is a week of 15-minute windows, well under a megabyte.
    /// </summary>
    public int MemoryQueueCapacity { get; init; } = 672;

    /// <summary>How long to wait before trying storage again after it failed.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// The boot this process runs in (<see cref="Clock.BootClock.BootId"/>). Its Unconfirmed windows can still be
    /// re-stamped, so they are not downsampled and <see cref="WindowBuffer.IsAwaitingRestamp"/> reports them; null
    /// when the buffer is only read (a tool, a test).
    /// </summary>
    public string? BootId { get; init; }

    /// <summary>Test hook: runs on every connection the buffer opens, e.g. to cap its size like a full disk would.</summary>
    internal Action<Microsoft.Data.Sqlite.SqliteConnection>? OnConnectionOpened { get; init; }
}

namespace EdgeNode.Daemon.Buffer;

/// <summary>Why windows were dropped: each cause needs a different fix on site or in the settings.</summary>
public enum GapCause
{
    /// <summary>The buffer reached its quota and no downsampling was left to make room: the oldest windows went.</summary>
    QuotaExceeded,

    /// <summary>Storage kept failing (disk full, read-only, I/O errors) until the in-memory queue overflowed.</summary>
    MemoryQueueOverflow,

    /// <summary>A stored window could no longer be decoded (damaged row); it was removed so the outbox can move on.</summary>
    UnreadableWindow,
}

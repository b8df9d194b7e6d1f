namespace EdgeNode.Daemon.Clock;

/// <summary>Where a window recorded before the clock was synchronised started, on its boot's monotonic clock.</summary>
/// <param name="BootId">The boot the window was recorded in; only that boot's offset can date it.</param>
/// <param name="MonotonicStart">The window's start as time since that boot (may be negative for a window begun just before boot time zero).</param>
public readonly record struct BootStamp(string BootId, TimeSpan MonotonicStart);

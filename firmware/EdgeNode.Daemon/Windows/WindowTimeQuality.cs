namespace EdgeNode.Daemon.Windows;

/// <summary>How far a window's start time can be trusted (a Raspberry Pi has no real-time clock).</summary>
public enum WindowTimeQuality
{
    /// <summary>Recorded while the system clock was synchronised.</summary>
    Synchronised,

    /// <summary>Recorded before synchronisation, keyed by time since boot, and re-stamped once the clock was set.</summary>
    Restamped,

    /// <summary>Recorded before synchronisation and never confirmed (the node restarted before the clock was set): flagged, not trusted.</summary>
    Unconfirmed,
}

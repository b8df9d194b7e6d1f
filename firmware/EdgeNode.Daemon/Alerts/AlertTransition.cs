namespace EdgeNode.Daemon.Alerts;

public enum AlertTransition
{
    /// <summary>The rolling mean reached the threshold.</summary>
    Raised,

    /// <summary>The rolling mean stayed below the threshold less the hysteresis margin for the minimum time.</summary>
    Cleared,
}

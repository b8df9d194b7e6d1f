namespace EdgeNode.Fleet.Monitoring;

/// <summary>What can be wrong with a node; a node may have several at once.</summary>
[Flags]
public enum NodeProblem
{
    None = 0,

    /// <summary>No health report and no data window for more than two sync intervals (or never heard from).</summary>
    Silent = 1,

    /// <summary>At least one sensor's last attempt failed (its health entry has a LastFault).</summary>
    SensorFault = 2,

    /// <summary>Free disk below the fraction or the byte floor of the settings.</summary>
    LowDisk = 4,

    /// <summary>The node says its clock is not synchronised: its windows' times are unconfirmed.</summary>
    ClockUnsynchronised = 8,

    /// <summary>Its firmware is older than the configured current one, or than the newest in the fleet.</summary>
    OutdatedFirmware = 16,

    /// <summary>
    /// Heard from, but not all is well: health arrives but data does not (or the other way round), the oldest window
    /// waiting on the node is older than two sync intervals, or its health report could not be read.
    /// </summary>
    Degraded = 32,
}

namespace EdgeNode.Fleet.Monitoring;

/// <summary>What an alert is about. Stored by name (lower case), so never rename a member.</summary>
public enum AlertKind
{
    /// <summary>No health and no data for more than two sync intervals. Subject: empty.</summary>
    Silent,

    /// <summary>A sensor's last attempt failed. Subject: the sensor.</summary>
    SensorFault,

    /// <summary>Free disk below the settings' floor. Subject: empty.</summary>
    LowDisk,

    /// <summary>A pollution threshold was crossed, as the node reported it. Subject: the pollutant (metric name).</summary>
    Pollution,

    /// <summary>A node sent more refused messages than its dead-letter quota keeps (a broken node, or a stolen credential). Subject: empty.</summary>
    DeadLetterFlood,
}

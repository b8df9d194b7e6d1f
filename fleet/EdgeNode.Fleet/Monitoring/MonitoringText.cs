using EdgeNode.Fleet.Localisation;

namespace EdgeNode.Fleet.Monitoring;

/// <summary>
/// Statuses and alert kinds in the staff catalogue's words. The choice of key lives here, beside the enums, so that
/// Monitoring uses the catalogue and the catalogue knows nothing of Monitoring.
/// </summary>
public static class MonitoringText
{
    public static string Status(this StaffText text, NodeStatus status)
    {
        ArgumentNullException.ThrowIfNull(text);
        return status switch
        {
            NodeStatus.Silent => text.StatusSilent,
            NodeStatus.SensorFault => text.StatusSensorFault,
            NodeStatus.LowDisk => text.StatusLowDisk,
            NodeStatus.ClockUnsynchronised => text.StatusClockUnsynchronised,
            NodeStatus.OutdatedFirmware => text.StatusOutdatedFirmware,
            NodeStatus.Degraded => text.StatusDegraded,
            NodeStatus.Healthy => text.StatusHealthy,
            _ => throw Untranslated(status),
        };
    }

    public static string AlertKindName(this StaffText text, AlertKind kind)
    {
        ArgumentNullException.ThrowIfNull(text);
        return kind switch
        {
            AlertKind.Silent => text.AlertSilent,
            AlertKind.SensorFault => text.AlertSensorFault,
            AlertKind.LowDisk => text.AlertLowDisk,
            AlertKind.DeadLetterFlood => text.AlertDeadLetterFlood,
            AlertKind.Pollution => text.AlertPollution,
            _ => throw Untranslated(kind),
        };
    }

    /// <summary>What an alert is about: a pollution alert's metric by its name ("Particules fines PM2,5").</summary>
    public static string AlertSubject(this StaffText text, FleetAlert alert)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(alert);
        return alert.Kind == AlertKind.Pollution ? text.MetricName(alert.Subject) : alert.Subject;
    }

    private static ArgumentOutOfRangeException Untranslated<T>(T value) where T : struct, Enum =>
        new(nameof(value), value, $"No staff text for {typeof(T).Name}.{value}: add a key to StaffText and its case to MonitoringText.");
}

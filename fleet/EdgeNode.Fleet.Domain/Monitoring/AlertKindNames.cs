namespace EdgeNode.Fleet.Monitoring;

/// <summary>How an <see cref="AlertKind"/> is written in the database and the webhook: fixed words, never the enum's number.</summary>
public static class AlertKindNames
{
    public static string ToName(AlertKind kind) => kind switch
    {
        AlertKind.Silent => "silent",
        AlertKind.SensorFault => "sensor_fault",
        AlertKind.LowDisk => "low_disk",
        AlertKind.Pollution => "pollution",
        AlertKind.DeadLetterFlood => "dead_letter_flood",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static AlertKind FromName(string name) => name switch
    {
        "silent" => AlertKind.Silent,
        "sensor_fault" => AlertKind.SensorFault,
        "low_disk" => AlertKind.LowDisk,
        "pollution" => AlertKind.Pollution,
        "dead_letter_flood" => AlertKind.DeadLetterFlood,
        _ => throw new FormatException($"'{name}' is not an alert kind this fleet knows."),
    };
}

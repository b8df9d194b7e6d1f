using EdgeNode.Protocol.Messages;

namespace EdgeNode.Fleet.Monitoring;

/// <summary>Words and CSS classes for statuses and alert kinds on the staff pages (French, the staff's language).</summary>
public static class StatusText
{
    public static string Label(NodeStatus status) => status switch
    {
        NodeStatus.Silent => "Silencieux",
        NodeStatus.SensorFault => "Capteur en défaut",
        NodeStatus.LowDisk => "Disque presque plein",
        NodeStatus.ClockUnsynchronised => "Horloge non synchronisée",
        NodeStatus.OutdatedFirmware => "Firmware à mettre à jour",
        NodeStatus.Degraded => "Dégradé",
        _ => "En service",
    };

    /// <summary>The query-string and CSS word for a status ("sensor-fault").</summary>
    public static string Slug(NodeStatus status) => status switch
    {
        NodeStatus.Silent => "silent",
        NodeStatus.SensorFault => "sensor-fault",
        NodeStatus.LowDisk => "low-disk",
        NodeStatus.ClockUnsynchronised => "clock",
        NodeStatus.OutdatedFirmware => "outdated-firmware",
        NodeStatus.Degraded => "degraded",
        _ => "healthy",
    };

    public static NodeStatus? FromSlug(string? slug) =>
        Enum.GetValues<NodeStatus>().Cast<NodeStatus?>().FirstOrDefault(status => Slug(status!.Value) == slug);

    /// <summary>A colour per status for the map, readable on white and distinct for the common colour blindnesses.</summary>
    public static string Colour(NodeStatus status) => status switch
    {
        NodeStatus.Silent => "#6b6b6b",
        NodeStatus.SensorFault => "#c0392b",
        NodeStatus.LowDisk => "#b35900",
        NodeStatus.ClockUnsynchronised => "#7d3c98",
        NodeStatus.OutdatedFirmware => "#1f618d",
        NodeStatus.Degraded => "#9a7d0a",
        _ => "#1e8449",
    };

    /// <summary>A sensor's fault as staff read it; a kind this fleet does not know yet keeps the node's name for it.</summary>
    public static string Label(WireFault fault) => fault switch
    {
        WireFault.NotPresent => "absent (non détecté)",
        WireFault.NotAnswering => "ne répond pas",
        WireFault.CorruptData => "données corrompues",
        WireFault.OutOfRange => "valeur hors plage",
        WireFault.Stuck => "valeur figée",
        WireFault.WarmingUp => "en préchauffage",
        WireFault.Stale => "sans mesure récente (échantillonnage bloqué sur le nœud)",
        _ => fault.ToString(),
    };

    /// <summary>A fault as the windows store it (the enum's name), in staff words.</summary>
    public static string Fault(string? stored) =>
        Enum.TryParse(stored, ignoreCase: false, out WireFault fault) && Enum.IsDefined(fault) ? Label(fault) : stored ?? "";

    /// <summary>What an alert is about, in staff words: a pollution alert's metric by its name ("Particules fines PM2,5").</summary>
    public static string Subject(FleetAlert alert) =>
        alert.Kind == AlertKind.Pollution ? MetricNames.Name(alert.Subject) : alert.Subject;

    public static string Label(AlertKind kind) => kind switch
    {
        AlertKind.Silent => "Nœud silencieux",
        AlertKind.SensorFault => "Capteur en défaut",
        AlertKind.LowDisk => "Disque presque plein",
        AlertKind.DeadLetterFlood => "Messages refusés en masse",
        _ => "Seuil de pollution franchi",
    };
}

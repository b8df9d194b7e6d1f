namespace EdgeNode.Fleet.Monitoring;

/// <summary>
/// A status's query-string and CSS word and its map colour; its words are in <see cref="MonitoringText"/>.
/// </summary>
public static class StatusStyle
{
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
}

namespace EdgeNode.Fleet.Monitoring;

/// <summary>How the fleet judges its nodes' health (section <see cref="SectionName"/>).</summary>
public sealed class MonitoringOptions
{
    public const string SectionName = "Fleet:Monitoring";

    /// <summary>How often nodes are expected to sync; a node is silent after two intervals without health or data.</summary>
    public TimeSpan SyncInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Disk is low below this fraction of the card's size (0.10 = 10 %).</summary>
    public double LowDiskFraction { get; set; } = 0.10;

    /// <summary>Disk is low below this many free bytes, whatever the card's size.</summary>
    public long LowDiskBytes { get; set; } = 100L * 1024 * 1024;

    /// <summary>The firmware every node should run ("1.4.0"); when empty, the newest version seen in the fleet.</summary>
    public string? CurrentFirmware { get; set; }

    /// <summary>A node is silent after this long without health report or data window.</summary>
    public TimeSpan SilentAfter => SyncInterval * 2;
}

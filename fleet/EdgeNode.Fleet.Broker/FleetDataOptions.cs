namespace EdgeNode.Fleet.Broker;

/// <summary>"Fleet:DataDirectory": where the fleet keeps its own files (broker configuration, TLS keys, persistence).</summary>
public sealed class FleetDataOptions
{
    public const string SettingName = "Fleet:DataDirectory";
    public const string DefaultDirectory = "/var/lib/edgenode-fleet";

    public string DataDirectory { get; set; } = DefaultDirectory;

    /// <summary>The broker's part of the data directory.</summary>
    public string BrokerDirectory => Path.Combine(DataDirectory, "broker");
}

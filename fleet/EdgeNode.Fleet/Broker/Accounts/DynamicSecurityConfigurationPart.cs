using EdgeNode.Fleet.Broker.Configuration;

namespace EdgeNode.Fleet.Broker.Accounts;

/// <summary>
/// Loads the dynamic-security plugin into the supervised broker. On the very first start it writes the plugin's file
/// with the fleet's admin and ingest accounts (<see cref="FleetBrokerSecrets"/>) and default deny; afterwards the file
/// is the plugin's and is left alone.
/// </summary>
public sealed class DynamicSecurityConfigurationPart : IMosquittoConfigurationPart
{
    public const string FileName = "dynamic-security.json";

    public IEnumerable<string> Lines(string brokerDirectory)
    {
        string path = Path.Combine(Path.GetFullPath(brokerDirectory), FileName);
        FleetBrokerSecrets secrets = FleetBrokerSecrets.LoadOrCreate(brokerDirectory);
        if (!File.Exists(path))
        {
            DynamicSecurityFile.WriteNew(path, secrets.Admin, secrets.Ingest);
        }

        return DynamicSecurityPlugin.PluginLines(path);
    }
}

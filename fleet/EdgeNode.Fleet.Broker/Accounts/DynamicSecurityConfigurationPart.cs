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

    /// <summary>
    /// The plugin's file has a directory of its own, the one place in the broker directory Mosquitto writes besides its
    /// persistence (the plugin saves through "&lt;file&gt;.new" and a rename): an unprivileged broker gets it, and nothing the
    /// fleet writes as root (<see cref="Supervision.BrokerAccount"/>).
    /// </summary>
    public const string DirectoryName = "accounts";

    /// <summary>Where the plugin's file is for a broker directory.</summary>
    public static string PathIn(string brokerDirectory) => Path.Combine(Path.GetFullPath(brokerDirectory), DirectoryName, FileName);

    public IEnumerable<string> Lines(string brokerDirectory)
    {
        string path = PathIn(brokerDirectory);
        FleetBrokerSecrets secrets = FleetBrokerSecrets.LoadOrCreate(brokerDirectory);
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("The supervised broker runs on Linux.");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        // Fleets before the file had its own directory kept it beside mosquitto.conf: it holds every node's account.
        string earlier = Path.Combine(Path.GetFullPath(brokerDirectory), FileName);
        if (!File.Exists(path) && File.Exists(earlier))
        {
            File.Move(earlier, path);
        }

        if (!File.Exists(path))
        {
            DynamicSecurityFile.WriteNew(path, secrets.Admin, secrets.Ingest);
        }

        return DynamicSecurityPlugin.PluginLines(path);
    }
}

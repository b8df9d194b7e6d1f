using EdgeNode.Fleet.Broker;
using EdgeNode.Fleet.Broker.Accounts;
using EdgeNode.Fleet.Storage;

namespace EdgeNode.Fleet.Registry;

/// <summary>
/// What the <c>nodes</c> command line needs from the running fleet before it opens anything: its database and, with a
/// supervised broker, its data directory. The service may start on its defaults (a fresh fleet.db beside it); the
/// command line may not, since on a default it would quietly make an empty database or broker accounts of its own in
/// whatever directory the admin stands in, and report an empty fleet.
/// </summary>
internal static class NodesCommandSettings
{
    private const string HowToGiveThem =
        "Give the command the fleet service's own settings: the same Fleet__… environment variables, or run it from the directory that holds the fleet's appsettings.json.";

    /// <summary>Null when the command may run, else what is missing, naming the setting, for the admin.</summary>
    public static string? Problem(IConfiguration configuration)
    {
        string? connectionString = configuration[FleetStorageOptions.ConnectionStringSetting];
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return $"The fleet's settings were not found: {FleetStorageOptions.ConnectionStringSetting} (environment variable {EnvironmentName(FleetStorageOptions.ConnectionStringSetting)}) is not set, so the command does not know the fleet's database. {HowToGiveThem} Nothing was changed.";
        }

        if (FleetStoreFactory.SqliteFile(connectionString) is { } database && !File.Exists(database))
        {
            return $"The fleet's database {database} ({FleetStorageOptions.ConnectionStringSetting}) does not exist. The command line never creates one: check the setting against the fleet service's, whose first start creates the database. Nothing was changed.";
        }

        string? mode = configuration[$"{LocalBrokerOptions.SectionName}:Mode"];
        bool supervised = string.IsNullOrWhiteSpace(mode) || string.Equals(mode.Trim(), nameof(BrokerMode.Supervised), StringComparison.OrdinalIgnoreCase);
        if (supervised)
        {
            var data = new FleetDataOptions();
            if (configuration[FleetDataOptions.SettingName] is { Length: > 0 } directory)
            {
                data.DataDirectory = directory;
            }

            string accounts = Path.Combine(Path.GetFullPath(data.BrokerDirectory), FleetBrokerSecrets.FileName);
            if (!File.Exists(accounts))
            {
                return $"The fleet's broker credentials {accounts} were not found: {FleetDataOptions.SettingName} (environment variable {EnvironmentName(FleetDataOptions.SettingName)}) must name the running fleet's data directory (now {data.DataDirectory}). {HowToGiveThem} Nothing was changed.";
            }
        }

        return null;
    }

    private static string EnvironmentName(string setting) => setting.Replace(":", "__", StringComparison.Ordinal);
}

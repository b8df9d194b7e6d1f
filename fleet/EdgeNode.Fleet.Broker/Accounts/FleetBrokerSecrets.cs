using System.Text.Json;
using EdgeNode.Fleet.Broker.Tls;

namespace EdgeNode.Fleet.Broker.Accounts;

/// <summary>
/// The supervised broker's two fleet credentials: the admin that manages accounts and the ingest account that reads
/// the nodes. Made on the first start and kept in <c>{broker directory}/fleet-accounts.json</c> (mode 0600) next to the
/// plugin's file that holds their hashes: lose one without the other and the fleet cannot log in to its own broker.
/// </summary>
public sealed record FleetBrokerSecrets(BrokerCredential Admin, BrokerCredential Ingest)
{
    public const string FileName = "fleet-accounts.json";

    /// <summary>The ingest account's user name: not a valid node id (the '.'), so no node can be enrolled under it.</summary>
    public const string IngestUsername = "fleet.ingest";

    private static readonly Lock Gate = new();

    /// <summary>Reads the file, or makes it with fresh passwords when there is none.</summary>
    /// <exception cref="InvalidOperationException">The file exists but cannot be read as credentials.</exception>
    public static FleetBrokerSecrets LoadOrCreate(string brokerDirectory)
    {
        string path = Path.Combine(brokerDirectory, FileName);
        lock (Gate)
        {
            if (File.Exists(path))
            {
                try
                {
                    Stored? stored = JsonSerializer.Deserialize<Stored>(File.ReadAllText(path));
                    if (stored is { AdminPassword.Length: > 0, IngestPassword.Length: > 0 })
                    {
                        return new FleetBrokerSecrets(new BrokerCredential(BrokerCredential.AdminUsername, stored.AdminPassword), new BrokerCredential(IngestUsername, stored.IngestPassword));
                    }
                }
                catch (JsonException)
                {
                }

                throw new InvalidOperationException(
                    $"{path} does not hold the fleet's broker credentials. Restore it from the backup taken with dynamic-security.json, or delete both to start the broker's accounts afresh (every node must then be enrolled again).");
            }

            if (OperatingSystem.IsWindows())
            {
                throw new PlatformNotSupportedException("The fleet keeps its broker credentials with Unix file modes: run it on Linux.");
            }

            Directory.CreateDirectory(brokerDirectory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            var secrets = new FleetBrokerSecrets(BrokerCredential.NewAdmin(), new BrokerCredential(IngestUsername, BrokerCredential.NewPassword()));
            PrivateFile.WriteSecret(path, JsonSerializer.Serialize(new Stored(secrets.Admin.Password, secrets.Ingest.Password)));
            return secrets;
        }
    }

    private sealed record Stored(string AdminPassword, string IngestPassword);
}

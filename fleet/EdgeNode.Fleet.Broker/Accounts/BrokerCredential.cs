using System.Security.Cryptography;

namespace EdgeNode.Fleet.Broker.Accounts;

/// <summary>A broker user name and its password, as the fleet keeps them for its own accounts (admin, ingest).</summary>
public sealed record BrokerCredential(string Username, string Password)
{
    /// <summary>
    /// The admin's user name. The '.' keeps it outside the node-id alphabet, so no node can ever be enrolled under it.
    /// </summary>
    public const string AdminUsername = "fleet.admin";

    /// <summary>A fresh admin credential: 256 random bits, base64url (no '+', '/', '=' to trip over in a config file).</summary>
    public static BrokerCredential NewAdmin() => new(AdminUsername, NewPassword());

    /// <summary>256 random bits, base64url.</summary>
    public static string NewPassword() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>Never print the password.</summary>
    public override string ToString() => $"{Username} (password hidden)";
}

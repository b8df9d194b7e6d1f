using System.Security.Cryptography;
using EdgeNode.Fleet.Broker.Session;

namespace EdgeNode.Fleet.Broker.Accounts;

/// <summary>A broker user name and its password, as the fleet keeps them for its own accounts (admin, ingest).</summary>
public sealed record BrokerCredential(string Username, string Password)
{
    /// <summary>The admin's user name (<see cref="FleetBrokerOptions.DefaultAdminUsername"/>).</summary>
    public const string AdminUsername = FleetBrokerOptions.DefaultAdminUsername;

    /// <summary>A fresh admin credential: 256 random bits, base64url (no '+', '/', '=' to trip over in a config file).</summary>
    public static BrokerCredential NewAdmin() => new(AdminUsername, NewPassword());

    /// <summary>256 random bits, base64url.</summary>
    public static string NewPassword() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>Never print the password.</summary>
    public override string ToString() => $"{Username} (password hidden)";
}

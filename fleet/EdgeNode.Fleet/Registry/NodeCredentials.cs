using EdgeNode.Fleet.Broker.Accounts;
using Microsoft.AspNetCore.Identity;

namespace EdgeNode.Fleet.Registry;

/// <summary>
/// A node's secret: 256 random bits, given to the node once and kept by the fleet only as ASP.NET Core Identity's
/// password hash (PBKDF2), so that a copy of the database gives nobody a node's credential.
/// </summary>
public static class NodeCredentials
{
    private static readonly PasswordHasher<string> Hasher = new();

    public static string NewSecret() => BrokerCredential.NewPassword();

    public static string Hash(string nodeId, string secret) => Hasher.HashPassword(nodeId, secret);

    public static bool Verify(string nodeId, string hash, string secret) =>
        Hasher.VerifyHashedPassword(nodeId, hash, secret) != PasswordVerificationResult.Failed;
}

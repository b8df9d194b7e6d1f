using System.Security.Cryptography;
using System.Text;

namespace EdgeNode.Fleet.Broker.Accounts;

/// <summary>
/// A password as the plugin stores it in its configuration file: PBKDF2-HMAC-SHA512 over the UTF-8 password, a
/// 12-byte random salt, a 64-byte hash, both base64 (plugins/dynamic-security/auth.c in Mosquitto 2.0). The plugin
/// refuses a salt of any other length when it loads the file.
/// </summary>
public sealed record DynamicSecurityPassword(string HashBase64, string SaltBase64, int Iterations)
{
    public const int SaltBytes = 12;
    public const int HashBytes = 64;

    /// <summary>What Mosquitto 2.0 itself uses (PW_DEFAULT_ITERATIONS); our passwords are random, not words.</summary>
    public const int DefaultIterations = 101;

    public static DynamicSecurityPassword Create(string password, int iterations = DefaultIterations) =>
        Create(password, RandomNumberGenerator.GetBytes(SaltBytes), iterations);

    public static DynamicSecurityPassword Create(string password, byte[] salt, int iterations)
    {
        ArgumentException.ThrowIfNullOrEmpty(password);
        if (salt.Length != SaltBytes)
        {
            throw new ArgumentException($"The dynamic-security plugin needs a {SaltBytes}-byte salt, not {salt.Length}.", nameof(salt));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(iterations, 1);
        byte[] hash = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA512, HashBytes);
        return new DynamicSecurityPassword(Convert.ToBase64String(hash), Convert.ToBase64String(salt), iterations);
    }

    public bool Matches(string password)
    {
        DynamicSecurityPassword again = Create(password, Convert.FromBase64String(SaltBase64), Iterations);
        return CryptographicOperations.FixedTimeEquals(Convert.FromBase64String(again.HashBase64), Convert.FromBase64String(HashBase64));
    }
}

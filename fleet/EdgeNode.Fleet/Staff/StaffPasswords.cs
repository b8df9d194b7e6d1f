using System.Security.Cryptography;
using EdgeNode.Fleet.Localisation;
using Microsoft.AspNetCore.Identity;

namespace EdgeNode.Fleet.Staff;

/// <summary>Hashing (Identity's PasswordHasher: PBKDF2, salted, versioned), the length rule, and generated passwords.</summary>
public sealed class StaffPasswords(StaffOptions options)
{
    private const int MaxLength = 256;

    private static readonly PasswordHasher<StaffUser> Hasher = new();

    // Hashed once, verified against when the user is unknown, so that an unknown name costs as long as a wrong password.
    private static readonly Lazy<string> DecoyHash = new(() => Hasher.HashPassword(null!, GenerateSecret()));

    public int MinLength => options.MinPasswordLength;

    public string Hash(string password) => Hasher.HashPassword(null!, password);

    /// <returns>Whether it matches, and whether the hash should be replaced by a newer format's.</returns>
    public (bool Matches, bool NeedsRehash) Verify(string hash, string password) =>
        Hasher.VerifyHashedPassword(null!, hash, password) switch
        {
            PasswordVerificationResult.Success => (true, false),
            PasswordVerificationResult.SuccessRehashNeeded => (true, true),
            _ => (false, false),
        };

    public void SpendTheTimeOfAVerification(string password) => Hasher.VerifyHashedPassword(null!, DecoyHash.Value, password);

    /// <summary>Null when acceptable; otherwise why not, in French.</summary>
    public string? Problem(string? password) =>
        string.IsNullOrEmpty(password) || password.Length < options.MinPasswordLength
            ? StaffText.French.PasswordTooShort(options.MinPasswordLength)
            : password.Length > MaxLength
                ? StaffText.French.PasswordTooLong(MaxLength)
                : null;

    /// <summary>A random password of 24 URL-safe characters (144 bits).</summary>
    public static string GenerateSecret() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(18)).Replace('+', '-').Replace('/', '_');

    public static string NewSecurityStamp() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
}

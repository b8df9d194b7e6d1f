using System.Text.RegularExpressions;

namespace EdgeNode.Fleet.Staff;

/// <summary>What a user name may be: 1 to 64 of a-z, 0-9, '.', '_', '-', compared without case (stored lower case).</summary>
public static partial class StaffUserName
{
    public const int MaxLength = 64;

    /// <summary>The stored form (trimmed, lower case), or null when <paramref name="input"/> is not a valid user name.</summary>
    public static string? Normalise(string? input)
    {
        string candidate = (input ?? "").Trim().ToLowerInvariant();
        return Pattern().IsMatch(candidate) ? candidate : null;
    }

    [GeneratedRegex("^[a-z0-9._-]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}

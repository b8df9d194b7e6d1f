using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace EdgeNode.Releases.Versions;

/// <summary>
/// A release's version, Semantic Versioning 2.0.0: <c>MAJOR.MINOR.PATCH</c>, an optional <c>-prerelease</c> and an
/// optional <c>+build</c> that does not count in comparisons (semver.org §10–11).
/// </summary>
public sealed class ReleaseVersion : IComparable<ReleaseVersion>, IEquatable<ReleaseVersion>
{
    private const int MaximumLength = 64;

    private ReleaseVersion(int major, int minor, int patch, string[] prerelease, string text)
    {
        Major = major;
        Minor = minor;
        Patch = patch;
        Prerelease = prerelease;
        Text = text;
    }

    public int Major { get; }

    public int Minor { get; }

    public int Patch { get; }

    /// <summary>The dot-separated identifiers after '-'; empty for a normal release.</summary>
    public IReadOnlyList<string> Prerelease { get; }

    private string Text { get; }

    public static ReleaseVersion Parse(string text) =>
        TryParse(text, out ReleaseVersion? version) ? version : throw new FormatException($"'{text}' is not a version of the form 1.4.2 (Semantic Versioning: MAJOR.MINOR.PATCH, optionally -prerelease).");

    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out ReleaseVersion? version)
    {
        version = null;
        if (string.IsNullOrEmpty(text) || text.Length > MaximumLength)
        {
            return false;
        }

        string core = text;
        int plus = core.IndexOf('+', StringComparison.Ordinal);
        if (plus >= 0)
        {
            if (!AreIdentifiers(core[(plus + 1)..], numericWithoutLeadingZero: false))
            {
                return false;
            }

            core = core[..plus];
        }

        string[] prerelease = [];
        int dash = core.IndexOf('-', StringComparison.Ordinal);
        if (dash >= 0)
        {
            string tail = core[(dash + 1)..];
            if (!AreIdentifiers(tail, numericWithoutLeadingZero: true))
            {
                return false;
            }

            prerelease = tail.Split('.');
            core = core[..dash];
        }

        string[] numbers = core.Split('.');
        if (numbers.Length != 3 || !TryNumber(numbers[0], out int major) || !TryNumber(numbers[1], out int minor) || !TryNumber(numbers[2], out int patch))
        {
            return false;
        }

        version = new ReleaseVersion(major, minor, patch, prerelease, text);
        return true;
    }

    public int CompareTo(ReleaseVersion? other)
    {
        if (other is null)
        {
            return 1;
        }

        int byNumbers = (Major, Minor, Patch).CompareTo((other.Major, other.Minor, other.Patch));
        if (byNumbers != 0)
        {
            return byNumbers;
        }

        // A pre-release comes before its normal version (1.0.0-rc.1 < 1.0.0), identifiers compared one by one.
        if (Prerelease.Count == 0 || other.Prerelease.Count == 0)
        {
            return other.Prerelease.Count.CompareTo(Prerelease.Count);
        }

        for (int i = 0; i < Math.Min(Prerelease.Count, other.Prerelease.Count); i++)
        {
            int byIdentifier = CompareIdentifiers(Prerelease[i], other.Prerelease[i]);
            if (byIdentifier != 0)
            {
                return byIdentifier;
            }
        }

        return Prerelease.Count.CompareTo(other.Prerelease.Count);
    }

    public bool Equals(ReleaseVersion? other) => other is not null && CompareTo(other) == 0;

    public override bool Equals(object? obj) => Equals(obj as ReleaseVersion);

    public override int GetHashCode() => HashCode.Combine(Major, Minor, Patch, string.Join('.', Prerelease));

    public override string ToString() => Text;

    public static bool operator <(ReleaseVersion left, ReleaseVersion right) => left.CompareTo(right) < 0;

    public static bool operator >(ReleaseVersion left, ReleaseVersion right) => left.CompareTo(right) > 0;

    public static bool operator <=(ReleaseVersion left, ReleaseVersion right) => left.CompareTo(right) <= 0;

    public static bool operator >=(ReleaseVersion left, ReleaseVersion right) => left.CompareTo(right) >= 0;

    private static int CompareIdentifiers(string left, string right)
    {
        bool leftNumeric = left.All(char.IsAsciiDigit);
        bool rightNumeric = right.All(char.IsAsciiDigit);
        return (leftNumeric, rightNumeric) switch
        {
            (true, true) => left.Length != right.Length ? left.Length.CompareTo(right.Length) : string.CompareOrdinal(left, right),
            (true, false) => -1,
            (false, true) => 1,
            _ => string.CompareOrdinal(left, right),
        };
    }

    private static bool TryNumber(string text, out int value)
    {
        value = 0;
        return text.Length > 0 && text.All(char.IsAsciiDigit) && (text.Length == 1 || text[0] != '0')
            && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }

    private static bool AreIdentifiers(string text, bool numericWithoutLeadingZero) =>
        text.Length > 0 && text.Split('.').All(identifier =>
            identifier.Length > 0
            && identifier.All(c => char.IsAsciiLetterOrDigit(c) || c == '-')
            && !(numericWithoutLeadingZero && identifier.Length > 1 && identifier[0] == '0' && identifier.All(char.IsAsciiDigit)));
}

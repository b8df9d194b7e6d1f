using System.Globalization;

namespace EdgeNode.Fleet.Monitoring;

/// <summary>
/// A node's firmware version as it reports it (the assembly's informational version: "1.4.0", "1.4.0-rc.2",
/// "1.4.0+3f2a9c1"), ordered like SemVer: numbers compared as numbers, a pre-release before its release, build
/// metadata ignored. Anything else ("unknown", "dev") cannot be compared, and a node is never called outdated for it.
/// </summary>
public sealed class FirmwareVersion : IComparable<FirmwareVersion>
{
    private readonly int[] _numbers;
    private readonly string _preRelease;

    private FirmwareVersion(string text, int[] numbers, string preRelease)
    {
        Text = text;
        _numbers = numbers;
        _preRelease = preRelease;
    }

    /// <summary>As the node reported it.</summary>
    public string Text { get; }

    public static FirmwareVersion? TryParse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        string core = text.Trim();
        int plus = core.IndexOf('+', StringComparison.Ordinal);
        if (plus >= 0)
        {
            core = core[..plus];
        }

        core = core.TrimStart('v', 'V');
        string preRelease = "";
        int dash = core.IndexOf('-', StringComparison.Ordinal);
        if (dash >= 0)
        {
            preRelease = core[(dash + 1)..];
            core = core[..dash];
        }

        string[] parts = core.Split('.');
        int[] numbers = new int[parts.Length];
        for (int i = 0; i < parts.Length; i++)
        {
            if (!int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out numbers[i]))
            {
                return null;
            }
        }

        return new FirmwareVersion(text.Trim(), numbers, preRelease);
    }

    public int CompareTo(FirmwareVersion? other)
    {
        if (other is null)
        {
            return 1;
        }

        for (int i = 0; i < Math.Max(_numbers.Length, other._numbers.Length); i++)
        {
            // "1.4" is "1.4.0".
            int mine = i < _numbers.Length ? _numbers[i] : 0;
            int theirs = i < other._numbers.Length ? other._numbers[i] : 0;
            if (mine != theirs)
            {
                return mine.CompareTo(theirs);
            }
        }

        return (_preRelease.Length == 0, other._preRelease.Length == 0) switch
        {
            (true, true) => 0,
            (true, false) => 1,
            (false, true) => -1,
            _ => ComparePreRelease(_preRelease, other._preRelease),
        };
    }

    public override string ToString() => Text;

    /// <summary>
    /// A version as staff read it in a table or a sentence: build metadata cut to a short commit hash
    /// ("1.0.0+3f2a9c1" for "1.0.0+3f2a9c1…" with 40 hex digits), anything else longer than
    /// <see cref="ShortLength"/> cut with an ellipsis. The full text stays available on demand (title, details).
    /// </summary>
    public static string Shorten(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string shortened = text.Trim();
        int plus = shortened.IndexOf('+', StringComparison.Ordinal);
        if (plus >= 0 && shortened.Length - plus - 1 > BuildMetadataLength)
        {
            shortened = shortened[..(plus + 1 + BuildMetadataLength)] + "…";
        }

        return shortened.Length > ShortLength ? shortened[..(ShortLength - 1)] + "…" : shortened;
    }

    /// <summary>The longest <see cref="Shorten"/> gives, in characters.</summary>
    public const int ShortLength = 24;

    // Git's own short hash length.
    private const int BuildMetadataLength = 7;

    private static int ComparePreRelease(string left, string right)
    {
        string[] a = left.Split('.');
        string[] b = right.Split('.');
        for (int i = 0; i < Math.Min(a.Length, b.Length); i++)
        {
            bool aNumber = int.TryParse(a[i], NumberStyles.None, CultureInfo.InvariantCulture, out int an);
            bool bNumber = int.TryParse(b[i], NumberStyles.None, CultureInfo.InvariantCulture, out int bn);
            int order = (aNumber, bNumber) switch
            {
                (true, true) => an.CompareTo(bn),
                (true, false) => -1,
                (false, true) => 1,
                _ => string.CompareOrdinal(a[i], b[i]),
            };
            if (order != 0)
            {
                return order;
            }
        }

        return a.Length.CompareTo(b.Length);
    }
}

using System.Globalization;

namespace EdgeNode.Fleet.OpenData;

/// <summary>A request's time range, [From, To), checked: both ISO 8601, From before To, no longer than the setting allows.</summary>
public sealed record OpenDataRange(DateTimeOffset From, DateTimeOffset To)
{
    public static readonly TimeSpan DefaultLength = TimeSpan.FromHours(24);

    /// <summary>The range, or the sentence that says what is wrong with it.</summary>
    /// <param name="from">Absent: <paramref name="to"/> minus 24 hours.</param>
    /// <param name="to">Absent: now.</param>
    public static (OpenDataRange? Range, string? Problem) Parse(string? from, string? to, DateTimeOffset now, TimeSpan longest)
    {
        DateTimeOffset end = now;
        if (!string.IsNullOrWhiteSpace(to) && !TryParse(to, out end))
        {
            return (null, $"'to' is '{to}', which is not an ISO 8601 date and time such as 2026-11-22T08:00:00Z.");
        }
        DateTimeOffset start = end - DefaultLength;
        if (!string.IsNullOrWhiteSpace(from) && !TryParse(from, out start))
        {
            return (null, $"'from' is '{from}', which is not an ISO 8601 date and time such as 2026-11-21T08:00:00Z.");
        }
        if (start >= end)
        {
            return (null, $"'from' ({start:O}) must be before 'to' ({end:O}).");
        }
        if (end - start > longest)
        {
            return (null, $"The range from {start:O} to {end:O} is longer than {longest.TotalDays:0} days; ask for it in several parts.");
        }
        return (new OpenDataRange(start, end), null);
    }

    // ISO 8601 only: an invariant-culture parse would also take 11/12/2026, which a French reader takes for 11 December.
    private static readonly string[] Formats =
    [
        "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd",
    ];

    private static bool TryParse(string text, out DateTimeOffset instant) =>
        DateTimeOffset.TryParseExact(text.Trim(), Formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out instant);
}

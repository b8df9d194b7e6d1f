using System.Globalization;

namespace EdgeNode.Fleet.Monitoring;

/// <summary>
/// Instants as staff read them: French local time (the fleet serves French municipalities), with the zone named so
/// that nobody has to guess; UTC where the machine has no time-zone data.
/// </summary>
public static class StaffTime
{
    private static readonly TimeZoneInfo? Paris = Find("Europe/Paris");

    public static string Format(DateTimeOffset at) => Paris is null
        ? at.UtcDateTime.ToString("dd/MM/yyyy HH:mm 'UTC'", CultureInfo.InvariantCulture)
        : TimeZoneInfo.ConvertTime(at, Paris).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture) + (Paris.IsDaylightSavingTime(at) ? " CEST" : " CET");

    public static string Format(DateTimeOffset? at, string none = "—") => at is { } value ? Format(value) : none;

    /// <summary>To the second ("07/12/2026 14:37:05 CET"), where the order of close events matters (the audit log).</summary>
    public static string FormatToTheSecond(DateTimeOffset at) => Paris is null
        ? at.UtcDateTime.ToString("dd/MM/yyyy HH:mm:ss 'UTC'", CultureInfo.InvariantCulture)
        : TimeZoneInfo.ConvertTime(at, Paris).ToString("dd/MM/yyyy HH:mm:ss", CultureInfo.InvariantCulture) + (Paris.IsDaylightSavingTime(at) ? " CEST" : " CET");

    /// <summary>The time of day only ("14:37 CET"), for an instant within the hour.</summary>
    public static string FormatTimeOfDay(DateTimeOffset at) => Paris is null
        ? at.UtcDateTime.ToString("HH:mm 'UTC'", CultureInfo.InvariantCulture)
        : TimeZoneInfo.ConvertTime(at, Paris).ToString("HH:mm", CultureInfo.InvariantCulture) + (Paris.IsDaylightSavingTime(at) ? " CEST" : " CET");

    private static TimeZoneInfo? Find(string id)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (TimeZoneNotFoundException)
        {
            return null;
        }
    }
}

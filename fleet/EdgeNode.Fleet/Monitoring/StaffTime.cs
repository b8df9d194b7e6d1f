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

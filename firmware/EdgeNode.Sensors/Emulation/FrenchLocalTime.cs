namespace EdgeNode.Sensors.Emulation;

/// <summary>
/// Wall-clock time in metropolitan France (CET, CEST in summer), which people's habits follow: commuting,
/// heating. Computed from the EU rule (Directive 2000/84/EC: summer time from 01:00 UTC on the last Sunday of
/// March to 01:00 UTC on the last Sunday of October) so that the emulation needs no time-zone database.
/// </summary>
public static class FrenchLocalTime
{
    public static DateTime Of(DateTimeOffset time)
    {
        DateTime utc = time.UtcDateTime;
        bool summer = utc >= SummerTimeBoundary(utc.Year, 3) && utc < SummerTimeBoundary(utc.Year, 10);
        return DateTime.SpecifyKind(utc.AddHours(summer ? 2 : 1), DateTimeKind.Unspecified);
    }

    /// <summary>The local hour of day with its fraction, 0 ≤ h &lt; 24.</summary>
    public static double HourOfDay(DateTimeOffset time) => Of(time).TimeOfDay.TotalHours;

    private static DateTime SummerTimeBoundary(int year, int month)
    {
        var lastDay = new DateTime(year, month, DateTime.DaysInMonth(year, month), 1, 0, 0, DateTimeKind.Utc);
        return lastDay.AddDays(-(int)lastDay.DayOfWeek);
    }
}

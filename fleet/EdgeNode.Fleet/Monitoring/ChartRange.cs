using System.Globalization;
using EdgeNode.Fleet.Localisation;

namespace EdgeNode.Fleet.Monitoring;

/// <summary>
/// The period a node page charts, from its query string: <c>range=24h</c> (default), <c>7d</c>, <c>30d</c>, or
/// <c>custom</c> with <c>from</c> and <c>to</c> as dates (yyyy-MM-dd, inclusive, UTC days). A custom period is capped
/// at <see cref="MaximumCustom"/> so one request cannot read years of windows.
/// </summary>
public sealed record ChartRange(string Name, DateTimeOffset From, DateTimeOffset To, string? Problem)
{
    public static readonly TimeSpan MaximumCustom = TimeSpan.FromDays(92);

    public static ChartRange Parse(string? range, string? from, string? to, DateTimeOffset now)
    {
        switch (range)
        {
            case "7d":
                return new("7d", now.AddDays(-7), now, null);
            case "30d":
                return new("30d", now.AddDays(-30), now, null);
            case "custom":
                bool fromOk = DateOnly.TryParseExact(from, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly fromDay);
                bool toOk = DateOnly.TryParseExact(to, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly toDay);
                if (!fromOk || !toOk)
                {
                    return new("24h", now.AddHours(-24), now, StaffText.French.CustomPeriodNeedsTwoDates);
                }

                if (toDay < fromDay)
                {
                    (fromDay, toDay) = (toDay, fromDay);
                }

                var start = new DateTimeOffset(fromDay.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
                var end = new DateTimeOffset(toDay.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
                if (end - start > MaximumCustom)
                {
                    return new("custom", end - MaximumCustom, end, StaffText.French.CustomPeriodLimited((int)MaximumCustom.TotalDays));
                }

                return new("custom", start, end, null);
            default:
                return new("24h", now.AddHours(-24), now, null);
        }
    }
}

using EdgeNode.Fleet.Storage;

namespace EdgeNode.Fleet.Public;

/// <summary>
/// One pollutant's hourly means over the last 24 hours, for the chart and its table: the mean of the windows that
/// started in each hour (weighted by window length, across sensors), null for an hour with none.
/// </summary>
/// <param name="HourStarts">The 24 hours' starts, oldest first, the last one being the current hour.</param>
public sealed record HourlySeries(string Metric, IReadOnlyList<DateTimeOffset> HourStarts, IReadOnlyList<double?> Means)
{
    public const int Hours = 24;

    public static HourlySeries From(string metric, IEnumerable<MetricWindowRow> windows, DateTimeOffset now)
    {
        DateTimeOffset currentHour = new(now.UtcDateTime.Date.AddHours(now.UtcDateTime.Hour), TimeSpan.Zero);
        DateTimeOffset first = currentHour.AddHours(-(Hours - 1));
        double[] sums = new double[Hours];
        double[] seconds = new double[Hours];
        foreach (MetricWindowRow window in windows)
        {
            if (window.Metric != metric || window.Count == 0 || window.WindowStart < first)
            {
                continue;
            }
            int hour = (int)((window.WindowStart - first).Ticks / TimeSpan.TicksPerHour);
            if (hour < Hours)
            {
                sums[hour] += window.Mean * window.WindowSeconds;
                seconds[hour] += window.WindowSeconds;
            }
        }
        return new HourlySeries(
            metric,
            Enumerable.Range(0, Hours).Select(h => first.AddHours(h)).ToArray(),
            Enumerable.Range(0, Hours).Select(h => seconds[h] > 0 ? sums[h] / seconds[h] : (double?)null).ToArray());
    }

    public bool IsEmpty => Means.All(m => m is null);
}

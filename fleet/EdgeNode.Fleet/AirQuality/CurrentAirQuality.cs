using EdgeNode.Fleet.Storage;
using EdgeNode.Protocol.AirQuality;

namespace EdgeNode.Fleet.AirQuality;

/// <summary>
/// A node's latest air quality: the worst band of its pollutants (as the EEA's overall index is), each pollutant's
/// band coming from its mean over the hour that ends with the node's newest window.
/// <para>
/// Averaging: the revised EEA index (2024) classifies hourly concentrations of every pollutant, PM included, in its
/// near-real-time map. Nodes send windows (15 minutes by default), so the hourly value here is the mean of the
/// windows of that pollutant that ended within that hour, weighted by window length, across every sensor measuring it
/// (a standard node has two PM sensors, SDS011 and PMS5003). Windows with no sample are left out.
/// </para>
/// <para>
/// Freshness: nodes send their windows once per sync (hourly by default), so the newest window the fleet has is
/// normally up to a sync interval old. The band stays current while <see cref="BandFreshness"/> allows, and says how
/// old it is; when the node is later than that there is no current band at all: a stale band is never shown as current.
/// </para>
/// </summary>
/// <param name="From">Start of the averaging period (an hour before <paramref name="To"/>).</param>
/// <param name="To">End of the averaging period: the end of the node's newest pollutant window.</param>
public sealed record CurrentAirQuality(AirQualityBand Band, IReadOnlyList<PollutantReading> Pollutants, DateTimeOffset From, DateTimeOffset To)
{
    /// <summary>The length of the averaging period, ending with the newest window.</summary>
    public static readonly TimeSpan AveragingPeriod = TimeSpan.FromHours(1);

    /// <summary>How long ago the averaging period ended.</summary>
    public TimeSpan Age(DateTimeOffset now) => now - To;

    /// <summary>The air quality from <paramref name="windows"/> at <paramref name="now"/>, or null when the newest is too old.</summary>
    /// <param name="windows">Any windows of the node; those of other metrics or not yet ended are ignored.</param>
    public static CurrentAirQuality? Compute(IEnumerable<MetricWindowRow> windows, DateTimeOffset now, BandFreshness freshness)
    {
        List<MetricWindowRow> ended = windows.Where(w => EuropeanAirQualityIndex.Covers(w.Metric) && w.Count > 0 && End(w) <= now).ToList();
        if (ended.Count == 0)
        {
            return null;
        }
        MetricWindowRow newest = ended.MaxBy(End)!;
        DateTimeOffset to = End(newest);
        if (!freshness.IsCurrent(to, TimeSpan.FromSeconds(newest.WindowSeconds), now))
        {
            return null;
        }

        DateTimeOffset from = to - AveragingPeriod;
        var readings = new List<PollutantReading>();
        foreach (IGrouping<string, MetricWindowRow> pollutant in ended
                     .Where(w => End(w) > from)
                     .GroupBy(w => w.Metric, StringComparer.Ordinal))
        {
            double seconds = pollutant.Sum(w => (double)w.WindowSeconds);
            double mean = pollutant.Sum(w => w.Mean * w.WindowSeconds) / seconds;
            readings.Add(new PollutantReading(pollutant.Key, mean, EuropeanAirQualityIndex.Classify(pollutant.Key, mean)));
        }

        // In the index's own order (PM2.5, PM10, NO2), so that pages list them the same way every time.
        readings.Sort((a, b) => IndexOf(a.Metric).CompareTo(IndexOf(b.Metric)));
        return new CurrentAirQuality(readings.Max(r => r.Band), readings, from, to);
    }

    /// <summary>The end of the newest ended window of a pollutant the index covers, or null when there is none.</summary>
    public static DateTimeOffset? LastMeasurementEnd(IEnumerable<MetricWindowRow> windows, DateTimeOffset now) =>
        windows.Where(w => EuropeanAirQualityIndex.Covers(w.Metric) && w.Count > 0 && End(w) <= now)
            .Select(w => (DateTimeOffset?)End(w))
            .DefaultIfEmpty(null)
            .Max();

    public static DateTimeOffset End(MetricWindowRow window) => window.WindowStart.AddSeconds(window.WindowSeconds);

    private static int IndexOf(string metric)
    {
        for (int i = 0; i < EuropeanAirQualityIndex.Metrics.Count; i++)
        {
            if (EuropeanAirQualityIndex.Metrics[i] == metric)
            {
                return i;
            }
        }
        return int.MaxValue;
    }
}

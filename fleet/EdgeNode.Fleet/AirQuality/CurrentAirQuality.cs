using EdgeNode.Fleet.Storage;
using EdgeNode.Protocol.AirQuality;

namespace EdgeNode.Fleet.AirQuality;

/// <summary>
/// A node's air quality now: the worst band of its pollutants (as the EEA's overall index is), each pollutant's band
/// coming from its mean over the last hour.
/// <para>
/// Averaging: the revised EEA index (2024) classifies hourly concentrations of every pollutant, PM included, in its
/// near-real-time map. Nodes send windows (15 minutes by default), so the hourly value here is the mean of the
/// windows of that pollutant that ended within the hour before now, weighted by window length, across every sensor
/// measuring it (a standard node has two PM sensors, SDS011 and PMS5003). Windows with no sample are left out. When no
/// window ended within that hour there is no current band at all: a stale band is never shown as current.
/// </para>
/// </summary>
/// <param name="From">Start of the averaging period (now minus an hour).</param>
/// <param name="To">End of the averaging period (now).</param>
public sealed record CurrentAirQuality(AirQualityBand Band, IReadOnlyList<PollutantReading> Pollutants, DateTimeOffset From, DateTimeOffset To)
{
    /// <summary>How far back a window may have ended and still count as current.</summary>
    public static readonly TimeSpan AveragingPeriod = TimeSpan.FromHours(1);

    /// <summary>The air quality from <paramref name="windows"/> at <paramref name="now"/>, or null when none is recent enough.</summary>
    /// <param name="windows">Any windows of the node; those of other metrics or periods are ignored.</param>
    public static CurrentAirQuality? Compute(IEnumerable<MetricWindowRow> windows, DateTimeOffset now)
    {
        DateTimeOffset from = now - AveragingPeriod;
        var readings = new List<PollutantReading>();
        foreach (IGrouping<string, MetricWindowRow> pollutant in windows
                     .Where(w => EuropeanAirQualityIndex.Covers(w.Metric) && w.Count > 0 && IsWithin(w, from, now))
                     .GroupBy(w => w.Metric, StringComparer.Ordinal))
        {
            double seconds = pollutant.Sum(w => (double)w.WindowSeconds);
            double mean = pollutant.Sum(w => w.Mean * w.WindowSeconds) / seconds;
            readings.Add(new PollutantReading(pollutant.Key, mean, EuropeanAirQualityIndex.Classify(pollutant.Key, mean)));
        }
        if (readings.Count == 0)
        {
            return null;
        }

        // In the index's own order (PM2.5, PM10, NO2), so that pages list them the same way every time.
        readings.Sort((a, b) => IndexOf(a.Metric).CompareTo(IndexOf(b.Metric)));
        return new CurrentAirQuality(readings.Max(r => r.Band), readings, from, now);
    }

    /// <summary>The end of the newest ended window of a pollutant the index covers, or null when there is none.</summary>
    public static DateTimeOffset? LastMeasurementEnd(IEnumerable<MetricWindowRow> windows, DateTimeOffset now) =>
        windows.Where(w => EuropeanAirQualityIndex.Covers(w.Metric) && w.Count > 0 && End(w) <= now)
            .Select(w => (DateTimeOffset?)End(w))
            .DefaultIfEmpty(null)
            .Max();

    public static DateTimeOffset End(MetricWindowRow window) => window.WindowStart.AddSeconds(window.WindowSeconds);

    // A window counts once it has ended within the period; one still open (a clock ahead) does not.
    private static bool IsWithin(MetricWindowRow window, DateTimeOffset from, DateTimeOffset now)
    {
        DateTimeOffset end = End(window);
        return end > from && end <= now;
    }

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

using EdgeNode.Fleet.AirQuality;
using EdgeNode.Fleet.Storage;
using EdgeNode.Protocol.AirQuality;
using EdgeNode.Protocol.Catalogue;

namespace EdgeNode.Fleet.Public;

/// <summary>
/// The newest value of a quantity the air-quality index does not cover (temperature, humidity, pressure, CO2): what a
/// node without pollutant sensor can say instead of a band.
/// </summary>
/// <param name="Mean">The newest window's mean (across sensors when several ended together).</param>
/// <param name="End">When that window ended.</param>
public sealed record LatestMeasurement(string Metric, double Mean, DateTimeOffset End)
{
    /// <summary>One per such metric among <paramref name="windows"/> that ended by <paramref name="now"/>, in the catalogue's order.</summary>
    public static IReadOnlyList<LatestMeasurement> From(IEnumerable<MetricWindowRow> windows, DateTimeOffset now)
    {
        var latest = new List<LatestMeasurement>();
        foreach (IGrouping<string, MetricWindowRow> metric in windows
                     .Where(w => !EuropeanAirQualityIndex.Covers(w.Metric) && w.Count > 0 && CurrentAirQuality.End(w) <= now)
                     .GroupBy(w => w.Metric, StringComparer.Ordinal))
        {
            DateTimeOffset end = metric.Max(CurrentAirQuality.End);
            latest.Add(new LatestMeasurement(metric.Key, metric.Where(w => CurrentAirQuality.End(w) == end).Average(w => w.Mean), end));
        }
        return latest.OrderBy(m => CatalogueIndex(m.Metric)).ThenBy(m => m.Metric, StringComparer.Ordinal).ToList();
    }

    private static int CatalogueIndex(string metric)
    {
        for (int i = 0; i < MetricCatalogue.All.Count; i++)
        {
            if (MetricCatalogue.All[i].Name == metric)
            {
                return i;
            }
        }
        return int.MaxValue;
    }
}

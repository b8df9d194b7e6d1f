using EdgeNode.Protocol.Catalogue;

namespace EdgeNode.Protocol.AirQuality;

/// <summary>
/// The European Air Quality Index bands of the European Environment Agency, as revised in 2024 to follow the WHO 2021
/// guidelines: ETC HE Report 2024/17, "EEA's revision of the European Air Quality Index bands"
/// (https://www.eionet.europa.eu/etcs/etc-he/products/etc-he-products/etc-he-reports/etc-he-report-2024-17-eeas-revision-of-the-european-air-quality-index-bands/),
/// in use on https://airindex.eea.europa.eu. Lower bounds of Good, Fair, Moderate, Poor, Very poor, Extremely poor, µg/m³:
/// <list type="bullet">
/// <item>PM2.5: 0, 5, 15, 50, 90, 140</item>
/// <item>PM10: 0, 15, 45, 120, 195, 270</item>
/// <item>NO2: 0, 10, 25, 60, 100, 150</item>
/// </list>
/// The EEA writes the bands as "15-50, 50-90"; here a band holds its lower bound, so 50 µg/m³ of PM2.5 is Poor.
/// Averaging is the caller's business: the revised index classifies hourly concentrations of every pollutant, PM
/// included (the index before it used a 24-hour running mean for PM). One table for the node's alert thresholds and
/// the fleet's public bands, so that the two cannot disagree.
/// </summary>
public static class EuropeanAirQualityIndex
{
    /// <summary>The metrics the index covers that nodes measure, by <see cref="WireMetric.Name"/> (ozone and SO2 are not measured).</summary>
    public static IReadOnlyList<string> Metrics { get; } = [MetricCatalogue.Pm25.Name, MetricCatalogue.Pm10.Name, MetricCatalogue.No2.Name];

    private static readonly double[] Pm25 = [0, 5, 15, 50, 90, 140];
    private static readonly double[] Pm10 = [0, 15, 45, 120, 195, 270];
    private static readonly double[] No2 = [0, 10, 25, 60, 100, 150];

    /// <param name="metric">A <see cref="WireMetric.Name"/>, e.g. "pm25_ugm3".</param>
    public static bool Covers(string metric) => LowerBoundsOrNull(metric) is not null;

    /// <summary>The lower bounds of the six bands, Good first, in µg/m³.</summary>
    /// <exception cref="ArgumentException">The index has no bands for <paramref name="metric"/>.</exception>
    public static IReadOnlyList<double> LowerBounds(string metric) => Bounds(metric);

    /// <exception cref="ArgumentException">The index has no bands for <paramref name="metric"/>.</exception>
    public static double LowerBound(string metric, AirQualityBand band) => Bounds(metric)[(int)band];

    /// <summary>The band a concentration falls in, e.g. PM2.5 at 63 µg/m³ is <see cref="AirQualityBand.Poor"/>.</summary>
    /// <exception cref="ArgumentException">The index has no bands for <paramref name="metric"/>.</exception>
    public static AirQualityBand Classify(string metric, double microgramsPerCubicMetre)
    {
        double[] bounds = Bounds(metric);
        int band = 0;
        while (band + 1 < bounds.Length && microgramsPerCubicMetre >= bounds[band + 1])
        {
            band++;
        }
        return (AirQualityBand)band;
    }

    private static double[] Bounds(string metric) =>
        LowerBoundsOrNull(metric) ?? throw new ArgumentException(
            $"The European Air Quality Index has no bands for '{metric}'; it covers {string.Join(", ", Metrics)} (and ozone and SO2, which nodes do not measure).",
            nameof(metric));

    private static double[]? LowerBoundsOrNull(string metric) =>
        metric == MetricCatalogue.Pm25.Name ? Pm25
        : metric == MetricCatalogue.Pm10.Name ? Pm10
        : metric == MetricCatalogue.No2.Name ? No2
        : null;
}

using EdgeNode.Protocol.Catalogue;

namespace EdgeNode.Fleet.AirQuality;

/// <summary>
/// The European Air Quality Index bands of the European Environment Agency, as revised in 2024 to follow the WHO 2021
/// guidelines: ETC HE Report 2024/17, "EEA's revision of the European Air Quality Index bands", in use on
/// https://airindex.eea.europa.eu. Lower bounds of Good, Fair, Moderate, Poor, Very poor, Extremely poor, µg/m³:
/// <list type="bullet">
/// <item>PM2.5: 0, 5, 15, 50, 90, 140</item>
/// <item>PM10: 0, 15, 45, 120, 195, 270</item>
/// <item>NO2: 0, 10, 25, 60, 100, 150</item>
/// </list>
/// The EEA writes the bands as "15-50, 50-90"; here a band holds its lower bound, so 50 µg/m³ of PM2.5 is Poor. The
/// same numbers as the node's own alert thresholds (firmware/EdgeNode.Daemon/Alerts/EuropeanAirQualityIndex.cs), kept
/// here because the fleet does not reference the daemon; the two are tested against the same boundaries.
/// Averaging is <see cref="CurrentAirQuality"/>'s business: the revised index classifies hourly concentrations.
/// </summary>
public static class EuropeanAirQualityIndex
{
    /// <summary>The pollutants the nodes measure that the index covers, by their stored metric names (ozone and SO2 are not measured).</summary>
    public static IReadOnlyList<string> Metrics { get; } = [MetricCatalogue.Pm25.Name, MetricCatalogue.Pm10.Name, MetricCatalogue.No2.Name];

    private static readonly double[] Pm25 = [0, 5, 15, 50, 90, 140];
    private static readonly double[] Pm10 = [0, 15, 45, 120, 195, 270];
    private static readonly double[] No2 = [0, 10, 25, 60, 100, 150];

    public static bool Covers(string metric) => LowerBoundsOrNull(metric) is not null;

    /// <summary>The lower bounds of the six bands, Good first, in µg/m³.</summary>
    /// <exception cref="ArgumentException">The index has no bands for <paramref name="metric"/>.</exception>
    public static IReadOnlyList<double> LowerBounds(string metric) => Bounds(metric);

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
            $"The European Air Quality Index has no bands for '{metric}'; it covers {string.Join(", ", Metrics)}.", nameof(metric));

    private static double[]? LowerBoundsOrNull(string metric) =>
        metric == MetricCatalogue.Pm25.Name ? Pm25
        : metric == MetricCatalogue.Pm10.Name ? Pm10
        : metric == MetricCatalogue.No2.Name ? No2
        : null;
}

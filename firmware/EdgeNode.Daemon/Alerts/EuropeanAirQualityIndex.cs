using EdgeNode.Sensors;

namespace EdgeNode.Daemon.Alerts;

/// <summary>
/// The European Air Quality Index bands of the European Environment Agency, as revised in 2024 to follow the
/// WHO 2021 guidelines: ETC HE Report 2024/17, "EEA's revision of the European Air Quality Index bands"
/// (https://www.eionet.europa.eu/etcs/etc-he/products/etc-he-products/etc-he-reports/etc-he-report-2024-17-eeas-revision-of-the-european-air-quality-index-bands/),
/// in use on https://airindex.eea.europa.eu. Lower bounds of Good, Fair, Moderate, Poor, Very poor, Extremely poor, µg/m³:
/// <list type="bullet">
/// <item>PM2.5: 0, 5, 15, 50, 90, 140</item>
/// <item>PM10: 0, 15, 45, 120, 195, 270</item>
/// <item>NO2: 0, 10, 25, 60, 100, 150</item>
/// </list>
/// Averaging: the revised index classifies hourly concentrations of every pollutant, PM included; the index before
/// it used a 24-hour running mean for PM (with PM2.5 bands at 10, 20, 25, 50, 75). The EEA writes the bands as
/// "15-50, 50-90"; here a band holds its lower bound, so 50 µg/m³ of PM2.5 is Poor.
/// </summary>
public static class EuropeanAirQualityIndex
{
    private static readonly double[] Pm25 = [0, 5, 15, 50, 90, 140];
    private static readonly double[] Pm10 = [0, 15, 45, 120, 195, 270];
    private static readonly double[] No2 = [0, 10, 25, 60, 100, 150];

    /// <summary>True for the metrics the index has bands for.</summary>
    public static bool Covers(Metric metric) => LowerBoundsOrNull(metric) is not null;

    /// <summary>The lower bounds of the six bands, Good first, in µg/m³.</summary>
    /// <exception cref="ArgumentException">The index has no bands for <paramref name="metric"/>.</exception>
    public static IReadOnlyList<double> BandLowerBoundsMicrogramsPerCubicMetre(Metric metric) => LowerBounds(metric);

    /// <exception cref="ArgumentException">The index has no bands for <paramref name="metric"/>.</exception>
    public static double LowerBoundMicrogramsPerCubicMetre(Metric metric, AirQualityBand band) => LowerBounds(metric)[(int)band];

    /// <summary>The band a concentration falls in, e.g. PM2.5 at 63 µg/m³ is <see cref="AirQualityBand.Poor"/>.</summary>
    /// <exception cref="ArgumentException">The index has no bands for <paramref name="metric"/>.</exception>
    public static AirQualityBand Classify(Metric metric, double concentrationMicrogramsPerCubicMetre)
    {
        double[] bounds = LowerBounds(metric);
        int band = 0;
        while (band + 1 < bounds.Length && concentrationMicrogramsPerCubicMetre >= bounds[band + 1])
        {
            band++;
        }

        return (AirQualityBand)band;
    }

    private static double[] LowerBounds(Metric metric) =>
        LowerBoundsOrNull(metric) ?? throw new ArgumentException(
            $"The European Air Quality Index has no bands for {metric}; it covers PM2.5, PM10 and NO2 (and ozone and SO2, which the node does not measure).",
            nameof(metric));

    private static double[]? LowerBoundsOrNull(Metric metric) => metric switch
    {
        Metric.Pm25MicrogramsPerCubicMetre => Pm25,
        Metric.Pm10MicrogramsPerCubicMetre => Pm10,
        Metric.No2MicrogramsPerCubicMetre => No2,
        _ => null,
    };
}

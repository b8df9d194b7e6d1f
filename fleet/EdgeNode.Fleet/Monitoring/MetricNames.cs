using EdgeNode.Protocol.Catalogue;

namespace EdgeNode.Fleet.Monitoring;

/// <summary>
/// The protocol's metrics (<see cref="MetricCatalogue"/>) as staff read them: a French name, with its unit where a
/// value or a chart needs one. The stored name ("pm25_ugm3") stays for data attributes, form values and open data; a
/// metric this fleet does not know keeps it, so that nothing is hidden.
/// </summary>
public static class MetricNames
{
    private static readonly Dictionary<string, string> Names = new(StringComparer.Ordinal)
    {
        [MetricCatalogue.Temperature.Name] = "Température",
        [MetricCatalogue.RelativeHumidity.Name] = "Humidité relative",
        [MetricCatalogue.Pressure.Name] = "Pression atmosphérique",
        [MetricCatalogue.Co2.Name] = "Dioxyde de carbone, CO₂",
        [MetricCatalogue.Pm1.Name] = "Particules PM1",
        [MetricCatalogue.Pm25.Name] = "Particules fines PM2,5",
        [MetricCatalogue.Pm10.Name] = "Particules PM10",
        [MetricCatalogue.No2.Name] = "Dioxyde d'azote, NO₂",
    };

    /// <summary>"Particules fines PM2,5" for "pm25_ugm3".</summary>
    public static string Name(string metric) => Names.TryGetValue(metric, out string? name) ? name : metric;

    /// <summary>"Particules fines PM2,5 (µg/m³)" for "pm25_ugm3": a chart's title.</summary>
    public static string WithUnit(string metric) =>
        MetricChart.UnitOf(metric) is { Length: > 0 } unit ? $"{Name(metric)} ({unit})" : Name(metric);
}

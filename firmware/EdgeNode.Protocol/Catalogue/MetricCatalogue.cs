namespace EdgeNode.Protocol.Catalogue;

/// <summary>Every quantity the protocol carries. Codes are append-only: a retired code is never given to something else.</summary>
public static class MetricCatalogue
{
    public static WireMetric Temperature { get; } = new(1, "temperature_c", "°C", 0.01, -45, 90);

    public static WireMetric RelativeHumidity { get; } = new(2, "relative_humidity_pct", "%", 0.01, 0, 100);

    public static WireMetric Pressure { get; } = new(3, "pressure_hpa", "hPa", 0.01, 300, 1100);

    public static WireMetric Co2 { get; } = new(4, "co2_ppm", "ppm", 0.1, 0, 40_000);

    public static WireMetric Pm1 { get; } = new(5, "pm1_ugm3", "µg/m³", 0.1, 0, 2_000);

    public static WireMetric Pm25 { get; } = new(6, "pm25_ugm3", "µg/m³", 0.1, 0, 2_000);

    public static WireMetric Pm10 { get; } = new(7, "pm10_ugm3", "µg/m³", 0.1, 0, 2_000);

    /// <summary>Electrochemical cells read slightly negative in clean air; the range allows it rather than hiding noise.</summary>
    public static WireMetric No2 { get; } = new(8, "no2_ugm3", "µg/m³", 0.1, -100, 40_000);

    public static IReadOnlyList<WireMetric> All { get; } = [Temperature, RelativeHumidity, Pressure, Co2, Pm1, Pm25, Pm10, No2];

    public static bool TryByCode(byte code, out WireMetric metric)
    {
        foreach (WireMetric m in All)
        {
            if (m.Code == code)
            {
                metric = m;
                return true;
            }
        }
        metric = null!;
        return false;
    }

    public static WireMetric ByName(string name) =>
        All.FirstOrDefault(m => m.Name == name) ?? throw new ArgumentException($"no metric is called '{name}'", nameof(name));
}

namespace EdgeNode.Sensors;

/// <summary>How a metric is shown to a person: a short name and its unit symbol.</summary>
public static class MetricUnits
{
    public static string Symbol(this Metric metric) => metric switch
    {
        Metric.TemperatureCelsius => "°C",
        Metric.RelativeHumidityPercent => "%RH",
        Metric.PressureHectopascals => "hPa",
        Metric.Co2PartsPerMillion => "ppm",
        _ => "µg/m³",
    };

    public static string ShortName(this Metric metric) => metric switch
    {
        Metric.TemperatureCelsius => "temperature",
        Metric.RelativeHumidityPercent => "humidity",
        Metric.PressureHectopascals => "pressure",
        Metric.Co2PartsPerMillion => "CO2",
        Metric.Pm1MicrogramsPerCubicMetre => "PM1",
        Metric.Pm25MicrogramsPerCubicMetre => "PM2.5",
        Metric.Pm10MicrogramsPerCubicMetre => "PM10",
        Metric.No2MicrogramsPerCubicMetre => "NO2",
        _ => metric.ToString(),
    };
}

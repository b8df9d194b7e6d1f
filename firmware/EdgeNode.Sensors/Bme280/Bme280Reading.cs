namespace EdgeNode.Sensors.Bme280;

/// <summary>One compensated BME280 measurement, taken at <paramref name="MeasuredAt"/> (the driver's clock).</summary>
public sealed record Bme280Reading(
    double TemperatureCelsius,
    double RelativeHumidityPercent,
    double PressureHectopascals,
    DateTimeOffset MeasuredAt);

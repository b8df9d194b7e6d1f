namespace EdgeNode.Sensors.Scd4x;

/// <summary>One SCD4x measurement, fetched at <paramref name="MeasuredAt"/> (the driver's clock).</summary>
public sealed record Scd4xReading(
    double Co2PartsPerMillion,
    double TemperatureCelsius,
    double RelativeHumidityPercent,
    DateTimeOffset MeasuredAt);

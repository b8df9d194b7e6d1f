namespace EdgeNode.Sensors;

/// <summary>What a measurement is of; the unit is part of the name so nobody has to guess it.</summary>
public enum Metric
{
    TemperatureCelsius,
    RelativeHumidityPercent,
    PressureHectopascals,
    Co2PartsPerMillion,
    Pm1MicrogramsPerCubicMetre,
    Pm25MicrogramsPerCubicMetre,
    Pm10MicrogramsPerCubicMetre,
    No2MicrogramsPerCubicMetre,
}

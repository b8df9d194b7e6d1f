namespace EdgeNode.Sensors.Emulation;

/// <summary>The true state of the air around an emulated node, which emulated sensors then measure.</summary>
public sealed record AmbientConditions(
    double TemperatureCelsius,
    double RelativeHumidityPercent,
    double PressureHectopascals,
    double Co2PartsPerMillion,
    double Pm1MicrogramsPerCubicMetre,
    double Pm25MicrogramsPerCubicMetre,
    double Pm10MicrogramsPerCubicMetre,
    double No2MicrogramsPerCubicMetre)
{
    /// <summary>A mild, clean day in a French village.</summary>
    public static AmbientConditions Typical { get; } = new(18.5, 62.0, 1013.25, 420.0, 4.0, 7.0, 12.0, 14.0);
}

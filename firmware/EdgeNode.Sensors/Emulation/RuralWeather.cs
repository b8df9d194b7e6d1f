namespace EdgeNode.Sensors.Emulation;

/// <summary>
/// The weather behind a <see cref="RuralDayAmbient"/> moment: not measured by any sensor, but what makes the
/// measured values move together (a calm, cold, high-pressure evening traps wood smoke).
/// </summary>
/// <param name="WindSpeedMetresPerSecond">At 10 m; low under high pressure and at night.</param>
/// <param name="Calmness">0 (wind of 3.5 m/s or more: pollutants blown away) to 1 (wind under 0.5 m/s).</param>
/// <param name="Stagnation">0 (well-mixed afternoon air) to 1 (calm night under a ground inversion): how much of what is emitted stays near the ground.</param>
/// <param name="HeatingDemand">0 (daily mean 16 °C or warmer) to 1 (2 °C or colder): how much the village heats, much of it with wood.</param>
/// <param name="DailyMeanTemperatureCelsius">The temperature around which the day's cycle swings.</param>
public sealed record RuralWeather(
    double PressureHectopascals,
    double WindSpeedMetresPerSecond,
    double Calmness,
    double Stagnation,
    double HeatingDemand,
    double DailyMeanTemperatureCelsius);

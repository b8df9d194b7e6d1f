namespace EdgeNode.Sensors.Ops243;

/// <summary>
/// One decoded line. <see cref="SignedSpeedKilometresPerHour"/> is positive for an inbound (approaching)
/// target and negative for an outbound (receding) one, the sensor's own sign convention; it is in km/h
/// because the driver sets <c>UK</c> and checks it (<see cref="Ops243Commands.QueryUnits"/>).
/// <see cref="DecimalPlaces"/> is how the speed was printed, which betrays a sensor that lost its settings.
/// <see cref="Text"/> keeps answers and a printable excerpt of unreadable lines for diagnostics only.
/// </summary>
internal readonly record struct Ops243Line(Ops243LineKind Kind, double SignedSpeedKilometresPerHour = 0, string? Text = null, int DecimalPlaces = 0)
{
    public static Ops243Line Blank { get; } = new(Ops243LineKind.Blank);

    public static Ops243Line Garbage(string excerpt) => new(Ops243LineKind.Garbage, Text: excerpt);
}

namespace EdgeNode.Sensors;

/// <summary>
/// One vehicle going past: when, which way, how fast. Deliberately nothing else: no identifier, no
/// image, nothing that could follow a vehicle from one passage to the next.
/// </summary>
public readonly record struct VehiclePassage(DateTimeOffset At, TravelDirection Direction, double SpeedKilometresPerHour);

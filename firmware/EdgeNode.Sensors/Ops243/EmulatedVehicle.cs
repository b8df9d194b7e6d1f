namespace EdgeNode.Sensors.Ops243;

/// <summary>A vehicle in an emulated traffic model: when it passes the lamppost, which way, how fast (constant).</summary>
public readonly record struct EmulatedVehicle(DateTimeOffset PassesSensorAt, TravelDirection Direction, double SpeedKilometresPerHour);

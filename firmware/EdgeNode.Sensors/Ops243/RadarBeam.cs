namespace EdgeNode.Sensors.Ops243;

/// <summary>
/// Where the emulated radar sees a vehicle. The sensor sits on a lamppost aimed along the road; a vehicle in
/// the lane is <see cref="OffsetMetres"/> away from the beam axis (lateral distance and mounting height
/// together) and is seen while its distance along the road lies between where it enters the beam's cone and
/// the detection range. The radar measures only the radial speed, v·cos θ.
/// </summary>
/// <param name="DetectionRangeMetres">Farthest point along the road at which a car is detected (the OPS243 sees cars at tens of metres).</param>
/// <param name="OffsetMetres">Distance from the beam axis to the vehicle's path.</param>
/// <param name="BeamHalfAngleDegrees">Half the beam width; an assumption for the emulator (check the datasheet's antenna pattern).</param>
public sealed record RadarBeam(double DetectionRangeMetres, double OffsetMetres, double BeamHalfAngleDegrees)
{
    /// <summary>A lamppost at the kerb, sensor 4 m from the lane centre line, seeing cars up to 60 m down the road.</summary>
    public static RadarBeam VillageLamppost { get; } = new(60, 4, 10);

    /// <summary>Distance along the road at which the vehicle enters the cone.</summary>
    public double NearEdgeMetres => OffsetMetres / Math.Tan(BeamHalfAngleDegrees * Math.PI / 180);

    /// <summary>When the vehicle is in the beam: approaching vehicles before they pass the post, receding ones after.</summary>
    public (DateTimeOffset From, DateTimeOffset To) Visibility(EmulatedVehicle vehicle)
    {
        double metresPerSecond = vehicle.SpeedKilometresPerHour / 3.6;
        TimeSpan near = TimeSpan.FromSeconds(NearEdgeMetres / metresPerSecond);
        TimeSpan far = TimeSpan.FromSeconds(DetectionRangeMetres / metresPerSecond);
        return vehicle.Direction == TravelDirection.Approaching
            ? (vehicle.PassesSensorAt - far, vehicle.PassesSensorAt - near)
            : (vehicle.PassesSensorAt + near, vehicle.PassesSensorAt + far);
    }

    /// <summary>Distance along the road from the post at <paramref name="at"/>.</summary>
    public double AlongRoadMetres(EmulatedVehicle vehicle, DateTimeOffset at)
    {
        double seconds = (at - vehicle.PassesSensorAt).TotalSeconds;
        return Math.Abs(seconds) * vehicle.SpeedKilometresPerHour / 3.6;
    }

    /// <summary>Straight-line distance from the sensor, which decides whose echo is strongest.</summary>
    public double RangeMetres(EmulatedVehicle vehicle, DateTimeOffset at) => Math.Sqrt(Square(AlongRoadMetres(vehicle, at)) + Square(OffsetMetres));

    /// <summary>The radial speed in m/s, positive for an approaching (inbound) vehicle: v·cos θ.</summary>
    public double RadialMetresPerSecond(EmulatedVehicle vehicle, DateTimeOffset at)
    {
        double along = AlongRoadMetres(vehicle, at);
        double radial = vehicle.SpeedKilometresPerHour / 3.6 * along / Math.Sqrt(Square(along) + Square(OffsetMetres));
        return vehicle.Direction == TravelDirection.Approaching ? radial : -radial;
    }

    private static double Square(double x) => x * x;
}

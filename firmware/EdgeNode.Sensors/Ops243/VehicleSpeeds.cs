namespace EdgeNode.Sensors.Ops243;

/// <summary>Speeds drawn for emulated vehicles: normal around a mean, clamped to what a village road sees.</summary>
internal static class VehicleSpeeds
{
    public const double MinimumKilometresPerHour = 15;
    public const double MaximumKilometresPerHour = 130;

    /// <summary>Box–Muller from two uniforms in [0, 1).</summary>
    public static double Draw(double uniform1, double uniform2, double meanKilometresPerHour, double standardDeviationKilometresPerHour)
    {
        double normal = Math.Sqrt(-2 * Math.Log(1 - uniform1)) * Math.Cos(2 * Math.PI * uniform2);
        return Math.Clamp(meanKilometresPerHour + (standardDeviationKilometresPerHour * normal), MinimumKilometresPerHour, MaximumKilometresPerHour);
    }
}

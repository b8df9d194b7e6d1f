namespace EdgeNode.Fleet.Storage;

/// <summary>
/// One traffic-counting window from one radar on one node: counts and speeds only, never anything that identifies a
/// vehicle. The natural key is (<see cref="NodeId"/>, <see cref="Sensor"/>, <see cref="WindowStart"/>).
/// </summary>
/// <param name="SpeedHistogram">Exactly <see cref="SpeedBins"/> bins of 10 km/h each (0–10, 10–20, … 150+).</param>
/// <param name="V85KilometresPerHour">Speed that 85 % of vehicles did not exceed; null when too few passed to say.</param>
public sealed record TrafficWindowRow(
    string NodeId,
    string Sensor,
    DateTimeOffset WindowStart,
    int WindowSeconds,
    byte TimeQuality,
    bool Partial,
    int Approaching,
    int Receding,
    int[] SpeedHistogram,
    double? V85KilometresPerHour)
{
    /// <summary>Bins in <see cref="SpeedHistogram"/>; the stores refuse any other length.</summary>
    public const int SpeedBins = 16;
}

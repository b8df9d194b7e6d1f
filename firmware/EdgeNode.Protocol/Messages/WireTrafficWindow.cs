namespace EdgeNode.Protocol.Messages;

/// <summary>Traffic in a window: counts and speeds only.</summary>
/// <param name="SpeedHistogram">Exactly <see cref="BinCount"/> bins of 10 km/h, both directions; the last takes 150 km/h and up.</param>
/// <param name="V85KilometresPerHour">Null with no vehicle; travels in tenths of km/h.</param>
public sealed record WireTrafficWindow(string Sensor, int Approaching, int Receding, IReadOnlyList<int> SpeedHistogram, double? V85KilometresPerHour)
{
    public const int BinCount = 16;
}

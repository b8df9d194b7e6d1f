namespace EdgeNode.Daemon.Windows;

/// <summary>Traffic during a window: counts and speeds only, nothing that tells one vehicle from another.</summary>
/// <param name="SpeedHistogram">
/// Vehicles per 10 km/h bin, both directions: index i counts speeds in [10·i, 10·(i+1)) km/h; the last bin
/// (<see cref="BinCount"/> − 1) takes everything from 150 km/h up.
/// </param>
/// <param name="V85KilometresPerHour">The speed 85 % of vehicles did not exceed; null with no vehicle.</param>
public sealed record TrafficWindow(int Approaching, int Receding, IReadOnlyList<int> SpeedHistogram, double? V85KilometresPerHour)
{
    public const int BinWidthKilometresPerHour = 10;

    public const int BinCount = 16;
}

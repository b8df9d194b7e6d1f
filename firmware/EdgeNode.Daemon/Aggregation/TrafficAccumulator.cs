using EdgeNode.Daemon.Windows;
using EdgeNode.Sensors;

namespace EdgeNode.Daemon.Aggregation;

/// <summary>Vehicles of one window: counts per direction, the speed histogram, and the speeds for V85.</summary>
internal sealed class TrafficAccumulator(int maximumSpeeds, int seed)
{
    private readonly int[] _histogram = new int[TrafficWindow.BinCount];
    private readonly SpeedSample _speeds = new(maximumSpeeds, seed);
    private int _approaching;
    private int _receding;

    public bool SpeedsAreExact => _speeds.IsExact;

    public void Add(VehiclePassage passage)
    {
        if (passage.Direction == TravelDirection.Approaching)
        {
            _approaching++;
        }
        else
        {
            _receding++;
        }

        _histogram[BinOf(passage.SpeedKilometresPerHour)]++;
        _speeds.Add(passage.SpeedKilometresPerHour);
    }

    /// <summary>Bin i holds [10·i, 10·(i+1)) km/h; the last bin everything from 150 km/h up.</summary>
    public static int BinOf(double speedKilometresPerHour)
    {
        double bin = Math.Floor(speedKilometresPerHour / TrafficWindow.BinWidthKilometresPerHour);
        return (int)Math.Min(bin, TrafficWindow.BinCount - 1);
    }

    public static TrafficWindow Empty() => new(0, 0, new int[TrafficWindow.BinCount], null);

    public TrafficWindow ToWindow() => new(_approaching, _receding, [.. _histogram], _speeds.Percentile(85));
}

using EdgeNode.Daemon.Windows;

namespace EdgeNode.Daemon.Buffer;

/// <summary>
/// V85 recomputed from a speed histogram, for merged windows whose passages are long gone. It is an estimate: the
/// speeds inside the bin that holds the 85th percentile are assumed evenly spread, so the result can be off by up
/// to one bin width (10 km/h), and the open-ended top bin (150 km/h and up) is treated as 10 km/h wide.
/// </summary>
internal static class SpeedHistogramEstimate
{
    /// <returns>The estimated V85 in km/h, or null with no vehicle.</returns>
    public static double? V85KilometresPerHour(IReadOnlyList<int> vehiclesPerBin)
    {
        long total = 0;
        foreach (int vehicles in vehiclesPerBin)
        {
            total += vehicles;
        }

        if (total == 0)
        {
            return null;
        }

        // 85 % of the vehicles, as an exact quotient of integers (0.85 × total would carry binary rounding).
        double target = total * 85 / 100.0;
        long below = 0;
        for (int bin = 0; bin < vehiclesPerBin.Count; bin++)
        {
            int vehicles = vehiclesPerBin[bin];
            if (vehicles > 0 && below + vehicles >= target)
            {
                double fractionOfBin = (target - below) / vehicles;
                return TrafficWindow.BinWidthKilometresPerHour * (bin + fractionOfBin);
            }

            below += vehicles;
        }

        return TrafficWindow.BinWidthKilometresPerHour * vehiclesPerBin.Count;
    }
}

using EdgeNode.Daemon.Windows;
using EdgeNode.Sensors;

namespace EdgeNode.Daemon.Buffer;

/// <summary>
/// Merges consecutive windows of one length into one longer window, keeping what each summary means: counts add;
/// means are weighted by count; minimum of minimums, maximum of maximums; "last" and "last fault" come from the
/// latest window that has one; coverage is weighted by window length (a sensor missing from a window covered none
/// of it); faults, traffic counts and speed bins add; V85 is re-estimated from the merged histogram; the time
/// quality is the worst of the merged and the result is partial if any part was.
/// </summary>
internal static class WindowMerger
{
    /// <param name="windows">Oldest first, contiguous and of one length: the caller checks that.</param>
    public static ClosedWindow Merge(IReadOnlyList<ClosedWindow> windows)
    {
        if (windows.Count == 0)
        {
            throw new ArgumentException("Nothing to merge.", nameof(windows));
        }

        TimeSpan length = TimeSpan.Zero;
        WindowTimeQuality time = WindowTimeQuality.Synchronised;
        bool partial = false;
        foreach (ClosedWindow window in windows)
        {
            length += window.Length;
            time = Rank(window.Time) > Rank(time) ? window.Time : time;
            partial |= window.Partial;
        }

        return new ClosedWindow(windows[0].Start, length, time, partial, MergeSensors(windows, length), MergeTraffic(windows));
    }

    /// <summary>
    /// The two pieces of one window that a stop and a start of the service cut in two (the same start and length,
    /// watched over parts that do not overlap): one partial window whose coverage is the sum of the pieces' and whose
    /// summaries merge as above. Without it the later piece would replace the earlier at the fleet, which keys a window
    /// by its start.
    /// </summary>
    public static ClosedWindow Overlay(ClosedWindow earlier, ClosedWindow later)
    {
        if (earlier.Start != later.Start || earlier.Length != later.Length)
        {
            throw new ArgumentException($"Only pieces of one window overlay: {earlier.Start:u}+{earlier.Length} and {later.Start:u}+{later.Length} differ.", nameof(later));
        }

        WindowTimeQuality time = Rank(later.Time) > Rank(earlier.Time) ? later.Time : earlier.Time;
        List<SensorWindow> sensors = MergeSensors([earlier, later], earlier.Length)
            .Select(s => s.Coverage > 1 ? s with { Coverage = 1 } : s)
            .ToList();
        return new ClosedWindow(earlier.Start, earlier.Length, time, Partial: true, sensors, MergeTraffic([earlier, later]));
    }

    private static int Rank(WindowTimeQuality time) => time switch
    {
        WindowTimeQuality.Synchronised => 0,
        WindowTimeQuality.Restamped => 1,
        _ => 2,
    };

    private static List<SensorWindow> MergeSensors(IReadOnlyList<ClosedWindow> windows, TimeSpan mergedLength)
    {
        var names = windows.SelectMany(w => w.Sensors).Select(s => s.Sensor).Distinct(StringComparer.Ordinal).ToList();
        var merged = new List<SensorWindow>(names.Count);
        foreach (string name in names)
        {
            double coveredTicks = 0;
            int faults = 0;
            SensorFaultKind? lastFault = null;
            var parts = new List<SensorWindow>(windows.Count);
            foreach (ClosedWindow window in windows)
            {
                SensorWindow? part = window.Sensors.FirstOrDefault(s => s.Sensor == name);
                if (part is null)
                {
                    continue;
                }

                coveredTicks += part.Coverage * window.Length.Ticks;
                faults += part.Faults;
                lastFault = part.LastFault ?? lastFault;
                parts.Add(part);
            }

            merged.Add(new SensorWindow(name, coveredTicks / mergedLength.Ticks, MergeMetrics(parts), faults, lastFault));
        }

        return merged;
    }

    /// <param name="parts">One sensor's windows, oldest first.</param>
    private static List<MetricSummary> MergeMetrics(List<SensorWindow> parts)
    {
        var metrics = parts.SelectMany(p => p.Metrics).Select(m => m.Metric).Distinct().ToList();
        var merged = new List<MetricSummary>(metrics.Count);
        foreach (Metric metric in metrics)
        {
            int count = 0;
            double weightedSum = 0;
            double minimum = double.PositiveInfinity;
            double maximum = double.NegativeInfinity;
            double last = double.NaN;
            foreach (MetricSummary summary in parts.SelectMany(p => p.Metrics).Where(m => m.Metric == metric))
            {
                count += summary.Count;
                weightedSum += summary.Mean * summary.Count;
                minimum = Math.Min(minimum, summary.Minimum);
                maximum = Math.Max(maximum, summary.Maximum);
                last = summary.Last;
            }

            merged.Add(new MetricSummary(metric, count, weightedSum / count, minimum, maximum, last));
        }

        return merged;
    }

    private static TrafficWindow? MergeTraffic(IReadOnlyList<ClosedWindow> windows)
    {
        var parts = windows.Select(w => w.Traffic).OfType<TrafficWindow>().ToList();
        if (parts.Count == 0)
        {
            return null;
        }

        int[] bins = new int[parts.Max(p => p.SpeedHistogram.Count)];
        foreach (TrafficWindow part in parts)
        {
            for (int i = 0; i < part.SpeedHistogram.Count; i++)
            {
                bins[i] += part.SpeedHistogram[i];
            }
        }

        return new TrafficWindow(
            parts.Sum(p => p.Approaching),
            parts.Sum(p => p.Receding),
            bins,
            SpeedHistogramEstimate.V85KilometresPerHour(bins));
    }
}

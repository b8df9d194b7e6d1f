using EdgeNode.Protocol.Catalogue;
using EdgeNode.Protocol.Messages;
using EdgeNode.Protocol.Topics;

namespace EdgeNode.Protocol.Codec;

/// <summary>
/// The body of <c>up/batch</c>. Sensor names are written once per batch and referred to by index; window starts
/// after the first are deltas from the previous one; a metric's minimum, maximum and last are written as
/// differences from its mean in quantisation steps. Together that keeps a 15-minute window near 100 bytes before
/// compression.
/// </summary>
internal static class BatchCodec
{
    // Window flag bits.
    private const byte TimeQualityMask = 0b0000_0011;
    private const byte PartialBit = 0b0000_0100;
    private const byte TrafficBit = 0b0000_1000;

    public static void Write(PayloadWriter w, WindowBatch batch)
    {
        NodeId.Require(batch.NodeId, nameof(batch));
        w.Text(batch.NodeId, NodeId.MaximumLength);
        w.Unsigned(batch.BatchId);

        List<string> names = SensorNames(batch.Windows);
        w.Count(names.Count);
        foreach (string name in names)
        {
            w.Text(name, PayloadLimits.MaximumNameBytes);
        }

        w.Count(batch.Windows.Count);
        long previousStart = 0;
        foreach (WireWindow window in batch.Windows)
        {
            long start = window.Start.ToUnixTimeSeconds();
            w.Signed(start - previousStart);
            previousStart = start;
            w.Count(window.LengthSeconds);
            byte flags = (byte)((byte)window.Time & TimeQualityMask);
            flags |= window.Partial ? PartialBit : (byte)0;
            flags |= window.Traffic is not null ? TrafficBit : (byte)0;
            w.Byte(flags);
            w.Count(window.CalibrationVersion);
            w.Count(window.Sensors.Count);
            foreach (WireSensorWindow sensor in window.Sensors)
            {
                WriteSensor(w, sensor, names.IndexOf(sensor.Sensor));
            }
            if (window.Traffic is { } traffic)
            {
                WriteTraffic(w, traffic, names.IndexOf(traffic.Sensor));
            }
        }

        w.Count(batch.Gaps.Count);
        foreach (WireGap gap in batch.Gaps)
        {
            w.Instant(gap.From);
            w.Instant(gap.To);
            w.Count(gap.WindowCount);
            w.Byte((byte)gap.Cause);
        }
        w.Count(batch.Downsamplings.Count);
        foreach (WireDownsampling d in batch.Downsamplings)
        {
            w.Instant(d.From);
            w.Instant(d.To);
            w.Count(d.WindowsMerged);
            w.Count(d.FromSeconds);
            w.Count(d.WindowsProduced);
            w.Count(d.ToSeconds);
        }
        w.Count(batch.SetAside.Count);
        foreach (WireSetAside s in batch.SetAside)
        {
            w.Instant(s.DetectedAt);
            w.Text(Truncate(s.Reason), PayloadLimits.MaximumTextBytes);
            w.Count(s.WindowsSalvaged);
            w.Byte(s.ReadToEnd ? (byte)1 : (byte)0);
        }
    }

    public static WindowBatch Read(ref PayloadReader r)
    {
        string nodeId = r.NodeId();
        ulong batchId = r.Unsigned("batch id");

        int nameCount = r.Count("sensor name count", PayloadLimits.MaximumSensorsPerWindow + 1);
        string[] names = new string[nameCount];
        for (int i = 0; i < nameCount; i++)
        {
            names[i] = r.Text("sensor name", PayloadLimits.MaximumNameBytes);
            if (names[i].Length == 0)
            {
                throw new PayloadRejectedException("a sensor name is empty");
            }
        }

        int windowCount = r.Count("window count", PayloadLimits.MaximumWindowsPerBatch);
        var windows = new List<WireWindow>(windowCount);
        long start = 0;
        for (int i = 0; i < windowCount; i++)
        {
            string where = $"window {i + 1}";
            start += r.Signed($"{where} start");
            if (start < 0 || start > PayloadLimits.LatestInstant.ToUnixTimeSeconds())
            {
                throw new PayloadRejectedException($"{where} starts outside 1970–2100");
            }
            int length = r.Count($"{where} length", PayloadLimits.MaximumWindowSeconds);
            if (length < PayloadLimits.MinimumWindowSeconds)
            {
                throw new PayloadRejectedException($"{where} lasts {length} s; windows last at least {PayloadLimits.MinimumWindowSeconds} s");
            }
            byte flags = r.Byte($"{where} flags");
            if ((flags & ~(TimeQualityMask | PartialBit | TrafficBit)) != 0 || (flags & TimeQualityMask) > (byte)WireTimeQuality.Unconfirmed)
            {
                throw new PayloadRejectedException($"{where} has unknown flags 0x{flags:X2}");
            }
            int calibration = r.Count($"{where} calibration version", int.MaxValue);
            int sensorCount = r.Count($"{where} sensor count", PayloadLimits.MaximumSensorsPerWindow);
            var sensors = new List<WireSensorWindow>(sensorCount);
            for (int s = 0; s < sensorCount; s++)
            {
                sensors.Add(ReadSensor(ref r, names, $"{where} sensor {s + 1}"));
            }
            WireTrafficWindow? traffic = (flags & TrafficBit) != 0 ? ReadTraffic(ref r, names, $"{where} traffic") : null;
            windows.Add(new WireWindow(
                DateTimeOffset.FromUnixTimeSeconds(start),
                length,
                (WireTimeQuality)(flags & TimeQualityMask),
                (flags & PartialBit) != 0,
                calibration,
                sensors,
                traffic));
        }

        int gapCount = r.Count("gap count", PayloadLimits.MaximumReportsPerBatch);
        var gaps = new List<WireGap>(gapCount);
        for (int i = 0; i < gapCount; i++)
        {
            DateTimeOffset from = r.Instant("gap start");
            DateTimeOffset to = r.Instant("gap end");
            int count = r.Count("gap window count", int.MaxValue);
            byte cause = r.Byte("gap cause");
            if (!Enum.IsDefined((WireGapCause)cause))
            {
                throw new PayloadRejectedException($"gap {i + 1} has unknown cause {cause}");
            }
            RequireOrdered(from, to, $"gap {i + 1}");
            gaps.Add(new WireGap(from, to, count, (WireGapCause)cause));
        }
        int downsamplingCount = r.Count("downsampling count", PayloadLimits.MaximumReportsPerBatch);
        var downsamplings = new List<WireDownsampling>(downsamplingCount);
        for (int i = 0; i < downsamplingCount; i++)
        {
            var d = new WireDownsampling(
                r.Instant("downsampling start"),
                r.Instant("downsampling end"),
                r.Count("windows merged", int.MaxValue),
                r.Count("merged from length", PayloadLimits.MaximumWindowSeconds),
                r.Count("windows produced", int.MaxValue),
                r.Count("merged to length", PayloadLimits.MaximumWindowSeconds));
            RequireOrdered(d.From, d.To, $"downsampling {i + 1}");
            downsamplings.Add(d);
        }
        int setAsideCount = r.Count("set-aside count", PayloadLimits.MaximumReportsPerBatch);
        var setAside = new List<WireSetAside>(setAsideCount);
        for (int i = 0; i < setAsideCount; i++)
        {
            DateTimeOffset at = r.Instant("set-aside time");
            string reason = r.Text("set-aside reason", PayloadLimits.MaximumTextBytes);
            int salvaged = r.Count("windows salvaged", int.MaxValue);
            byte readToEnd = r.Byte("read-to-end flag");
            if (readToEnd > 1)
            {
                throw new PayloadRejectedException($"set-aside {i + 1} has a read-to-end flag of {readToEnd}");
            }
            setAside.Add(new WireSetAside(at, reason, salvaged, readToEnd == 1));
        }
        r.ExpectEnd("batch");
        return new WindowBatch(nodeId, batchId, windows, gaps, downsamplings, setAside);
    }

    private static void WriteSensor(PayloadWriter w, WireSensorWindow sensor, int nameIndex)
    {
        w.Count(nameIndex);
        w.Count(Thousandths(sensor.Coverage));
        w.Count(sensor.Faults);
        w.Byte(sensor.LastFault is { } fault ? (byte)fault : (byte)0);
        w.Count(sensor.Metrics.Count);
        foreach (WireMetricSummary m in sensor.Metrics)
        {
            RequireFinite(m);
            long mean = m.Metric.Quantise(m.Mean);
            long minimum = Math.Min(m.Metric.Quantise(m.Minimum), mean);
            long maximum = Math.Max(m.Metric.Quantise(m.Maximum), mean);
            long last = Math.Clamp(m.Metric.Quantise(m.Last), minimum, maximum);
            w.Byte(m.Metric.Code);
            w.Count(m.Count);
            w.Signed(mean);
            w.Unsigned((ulong)(mean - minimum));
            w.Unsigned((ulong)(maximum - mean));
            w.Unsigned((ulong)(last - minimum));
        }
    }

    private static WireSensorWindow ReadSensor(ref PayloadReader r, string[] names, string where)
    {
        string name = Name(ref r, names, where);
        int coverage = r.Count($"{where} coverage", 1000);
        int faults = r.Count($"{where} fault count", int.MaxValue);
        byte fault = r.Byte($"{where} last fault");
        if (fault != 0 && !Enum.IsDefined((WireFault)fault))
        {
            throw new PayloadRejectedException($"{where} has unknown fault kind {fault}");
        }
        int metricCount = r.Count($"{where} metric count", PayloadLimits.MaximumMetricsPerSensor);
        var metrics = new List<WireMetricSummary>(metricCount);
        for (int i = 0; i < metricCount; i++)
        {
            byte code = r.Byte($"{where} metric code");
            if (!MetricCatalogue.TryByCode(code, out WireMetric metric))
            {
                throw new PayloadRejectedException($"{where} has unknown metric code {code}");
            }
            string what = $"{where} {metric.Name}";
            int count = r.Count($"{what} count", int.MaxValue);
            if (count == 0)
            {
                throw new PayloadRejectedException($"{what} has a count of 0 (a metric without samples is left out)");
            }
            long mean = r.Signed($"{what} mean");
            long minimum = checked(mean - Steps(ref r, $"{what} minimum"));
            long maximum = checked(mean + Steps(ref r, $"{what} maximum"));
            long last = checked(minimum + Steps(ref r, $"{what} last"));
            if (last > maximum)
            {
                throw new PayloadRejectedException($"{what} last value lies above its maximum");
            }
            var summary = new WireMetricSummary(metric, count, metric.Restore(mean), metric.Restore(minimum), metric.Restore(maximum), metric.Restore(last));
            if (!metric.InRange(summary.Minimum) || !metric.InRange(summary.Maximum))
            {
                throw new PayloadRejectedException($"{what} ranges {summary.Minimum}–{summary.Maximum} {metric.Unit}, outside the accepted {metric.Minimum}–{metric.Maximum}");
            }
            if (metrics.Exists(m => m.Metric == metric))
            {
                throw new PayloadRejectedException($"{where} gives {metric.Name} twice");
            }
            metrics.Add(summary);
        }
        return new WireSensorWindow(name, coverage / 1000.0, metrics, faults, fault == 0 ? null : (WireFault)fault);
    }

    private static void WriteTraffic(PayloadWriter w, WireTrafficWindow traffic, int nameIndex)
    {
        if (traffic.SpeedHistogram.Count != WireTrafficWindow.BinCount)
        {
            throw new ArgumentException($"a speed histogram has {WireTrafficWindow.BinCount} bins, not {traffic.SpeedHistogram.Count}");
        }
        w.Count(nameIndex);
        w.Count(traffic.Approaching);
        w.Count(traffic.Receding);
        foreach (int bin in traffic.SpeedHistogram)
        {
            w.Count(bin);
        }
        w.Unsigned(traffic.V85KilometresPerHour is { } v85 ? (ulong)Math.Round(Math.Max(0, v85) * 10) + 1 : 0);
    }

    private static WireTrafficWindow ReadTraffic(ref PayloadReader r, string[] names, string where)
    {
        string name = Name(ref r, names, where);
        const int plausibleMaximum = 1_000_000;
        int approaching = r.Count($"{where} approaching", plausibleMaximum);
        int receding = r.Count($"{where} receding", plausibleMaximum);
        int[] bins = new int[WireTrafficWindow.BinCount];
        for (int i = 0; i < bins.Length; i++)
        {
            bins[i] = r.Count($"{where} speed bin {i}", plausibleMaximum);
        }
        ulong v85 = r.Unsigned($"{where} V85");
        if (v85 > 5_000 + 1)
        {
            throw new PayloadRejectedException($"{where} V85 of {(v85 - 1) / 10.0} km/h is not a road speed");
        }
        return new WireTrafficWindow(name, approaching, receding, bins, v85 == 0 ? null : (v85 - 1) / 10.0);
    }

    private static long Steps(ref PayloadReader r, string what)
    {
        ulong value = r.Unsigned(what);
        if (value > int.MaxValue)
        {
            throw new PayloadRejectedException($"{what} is implausibly far from the mean");
        }
        return (long)value;
    }

    private static string Name(ref PayloadReader r, string[] names, string where)
    {
        int index = r.Count($"{where} name index", int.MaxValue);
        if (index >= names.Length)
        {
            throw new PayloadRejectedException($"{where} refers to sensor name {index}, but the batch names {names.Length}");
        }
        return names[index];
    }

    private static List<string> SensorNames(IReadOnlyList<WireWindow> windows)
    {
        var names = new List<string>();
        foreach (WireWindow window in windows)
        {
            foreach (WireSensorWindow sensor in window.Sensors)
            {
                if (!names.Contains(sensor.Sensor))
                {
                    names.Add(sensor.Sensor);
                }
            }
            if (window.Traffic is { } traffic && !names.Contains(traffic.Sensor))
            {
                names.Add(traffic.Sensor);
            }
        }
        return names;
    }

    private static int Thousandths(double fraction) => (int)Math.Round(Math.Clamp(fraction, 0, 1) * 1000);

    private static void RequireFinite(WireMetricSummary m)
    {
        if (!double.IsFinite(m.Mean) || !double.IsFinite(m.Minimum) || !double.IsFinite(m.Maximum) || !double.IsFinite(m.Last))
        {
            throw new ArgumentException($"{m.Metric.Name} has a value that is not a finite number");
        }
    }

    private static void RequireOrdered(DateTimeOffset from, DateTimeOffset to, string what)
    {
        if (to < from)
        {
            throw new PayloadRejectedException($"{what} ends before it starts");
        }
    }

    private static string Truncate(string text) =>
        System.Text.Encoding.UTF8.GetByteCount(text) <= PayloadLimits.MaximumTextBytes ? text : text[..Math.Min(text.Length, PayloadLimits.MaximumTextBytes / 4)] + "…";
}

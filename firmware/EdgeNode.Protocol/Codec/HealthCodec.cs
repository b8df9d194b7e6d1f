using EdgeNode.Protocol.Messages;
using EdgeNode.Protocol.Topics;

namespace EdgeNode.Protocol.Codec;

/// <summary>The body of <c>up/health</c>. Byte counts travel in KiB and temperatures in tenths of a degree.</summary>
internal static class HealthCodec
{
    public static void Write(PayloadWriter w, HealthReport h)
    {
        w.Text(NodeId.Require(h.NodeId, nameof(h)), NodeId.MaximumLength);
        w.Instant(h.ReportedAt);
        w.Text(h.FirmwareVersion, PayloadLimits.MaximumTextBytes);
        w.Unsigned((ulong)Math.Max(0, (long)h.Uptime.TotalSeconds));
        // 0 means no thermal zone; otherwise tenths of a degree, zigzagged, plus one.
        w.Unsigned(h.CpuTemperatureCelsius is { } t ? ((ulong)ZigZag((long)Math.Round(t * 10)) + 1) : 0);
        w.Unsigned(Kibibytes(h.DiskFreeBytes));
        w.Unsigned(Kibibytes(h.DiskTotalBytes));
        w.Unsigned(Kibibytes(h.MemoryAvailableBytes));
        w.Unsigned(Kibibytes(h.ProcessResidentBytes));
        w.Byte((byte)h.Clock);
        w.Count(h.BacklogWindows);
        w.OptionalInstant(h.OldestBacklog);
        w.OptionalInstant(h.LastSyncAt);
        w.Count(h.AppliedConfigRevision);
        w.Count(h.Sensors.Count);
        foreach (SensorHealth s in h.Sensors)
        {
            w.Text(s.Sensor, PayloadLimits.MaximumNameBytes);
            w.Byte(s.LastFault is { } f ? (byte)f : (byte)0);
            w.OptionalInstant(s.LastGoodAt);
            w.OptionalInstant(s.LastFaultAt);
        }
    }

    public static HealthReport Read(ref PayloadReader r)
    {
        string nodeId = r.NodeId();
        DateTimeOffset reportedAt = r.Instant("report time");
        string firmware = r.Text("firmware version", PayloadLimits.MaximumTextBytes);
        ulong uptime = r.Unsigned("uptime");
        if (uptime > 100UL * 365 * 86_400)
        {
            throw new PayloadRejectedException("uptime of over a century");
        }
        ulong rawTemperature = r.Unsigned("CPU temperature");
        double? temperature = rawTemperature == 0 ? null : UnZigZag(rawTemperature - 1) / 10.0;
        if (temperature is < -60 or > 150)
        {
            throw new PayloadRejectedException($"CPU temperature of {temperature} °C is not physical");
        }
        long diskFree = Bytes(ref r, "disk free");
        long diskTotal = Bytes(ref r, "disk total");
        long memory = Bytes(ref r, "memory available");
        long resident = Bytes(ref r, "resident memory");
        byte clock = r.Byte("clock state");
        if (!Enum.IsDefined((WireClockState)clock))
        {
            throw new PayloadRejectedException($"unknown clock state {clock}");
        }
        int backlog = r.Count("backlog", int.MaxValue);
        DateTimeOffset? oldest = r.OptionalInstant("oldest backlog");
        DateTimeOffset? lastSync = r.OptionalInstant("last sync");
        int revision = r.Count("applied configuration revision", int.MaxValue);
        int sensorCount = r.Count("sensor count", PayloadLimits.MaximumSensorsPerWindow + 1);
        var sensors = new List<SensorHealth>(sensorCount);
        for (int i = 0; i < sensorCount; i++)
        {
            string name = r.Text("sensor name", PayloadLimits.MaximumNameBytes);
            byte fault = r.Byte("sensor fault");
            if (fault != 0 && !Enum.IsDefined((WireFault)fault))
            {
                throw new PayloadRejectedException($"sensor {name} has unknown fault kind {fault}");
            }
            sensors.Add(new SensorHealth(name, fault == 0 ? null : (WireFault)fault, r.OptionalInstant("last good reading"), r.OptionalInstant("last fault")));
        }
        r.ExpectEnd("health report");
        return new HealthReport(nodeId, reportedAt, firmware, TimeSpan.FromSeconds(uptime), temperature, diskFree, diskTotal, memory, resident,
            (WireClockState)clock, backlog, oldest, lastSync, revision, sensors);
    }

    private static ulong Kibibytes(long bytes) => (ulong)Math.Max(0, bytes) / 1024;

    private static long Bytes(ref PayloadReader r, string what)
    {
        ulong kib = r.Unsigned(what);
        // A petabyte is far beyond any node; the bound keeps the multiplication from overflowing.
        if (kib > 1UL << 40)
        {
            throw new PayloadRejectedException($"{what} of {kib} KiB is not plausible");
        }
        return (long)kib * 1024;
    }

    private static long ZigZag(long value) => (value << 1) ^ (value >> 63);

    private static long UnZigZag(ulong raw) => (long)(raw >> 1) ^ -(long)(raw & 1);
}

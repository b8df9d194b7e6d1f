using EdgeNode.Daemon.Windows;
using EdgeNode.Sensors;

namespace EdgeNode.Daemon.Buffer;

/// <summary>
/// The buffer's own compact binary form of a <see cref="ClosedWindow"/>. Not JSON: a typical window (five sensors,
/// eight metrics, traffic) is about 380 bytes here against some 1,170 as JSON (measured, enums as numbers), so the
/// same quota holds three times the outage before anything is downsampled, and every byte written wears the SD card.
/// It never leaves the node (the wire format belongs to EdgeNode.Protocol), so self-description buys nothing.
/// Layout, version 1: version byte; start (UTC ticks, 8 bytes); length (ticks, 8 bytes); time-quality code; flags
/// (bit 0 partial, bit 1 traffic present); sensor count (7-bit varint); per sensor: name (length-prefixed UTF-8),
/// coverage (double), faults (varint), last-fault code, metric count (varint), per metric: code, count (varint),
/// mean, minimum, maximum, last (doubles); then, with traffic: approaching, receding (varints), bin count (byte),
/// bins (varints), V85 flag (byte) and, when set, V85 (double).
/// </summary>
internal static class WindowCodec
{
    private const byte Version = 1;

    /// <summary>Where the time-quality code sits in a payload (after the version byte, start and length), zero-based.</summary>
    public const int TimeQualityOffset = 17;

    private const byte PartialFlag = 1;

    private const byte TrafficFlag = 2;

    public static byte[] Encode(ClosedWindow window)
    {
        using var stream = new MemoryStream(512);
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Version);
            writer.Write(window.Start.UtcTicks);
            writer.Write(window.Length.Ticks);
            writer.Write(PersistedCodes.Of(window.Time));
            writer.Write((byte)((window.Partial ? PartialFlag : 0) | (window.Traffic is null ? 0 : TrafficFlag)));
            writer.Write7BitEncodedInt(window.Sensors.Count);
            foreach (SensorWindow sensor in window.Sensors)
            {
                WriteSensor(writer, sensor);
            }

            if (window.Traffic is { } traffic)
            {
                WriteTraffic(writer, traffic);
            }
        }

        return stream.ToArray();
    }

    /// <exception cref="InvalidDataException">The bytes are not a window this firmware wrote.</exception>
    public static ClosedWindow Decode(ReadOnlySpan<byte> bytes)
    {
        try
        {
            using var stream = new MemoryStream(bytes.ToArray(), writable: false);
            using var reader = new BinaryReader(stream, System.Text.Encoding.UTF8);
            byte version = reader.ReadByte();
            if (version != Version)
            {
                throw new InvalidDataException($"Stored window has format version {version}; this firmware reads version {Version}.");
            }

            var start = new DateTimeOffset(reader.ReadInt64(), TimeSpan.Zero);
            var length = TimeSpan.FromTicks(reader.ReadInt64());
            WindowTimeQuality time = PersistedCodes.TimeQualityFrom(reader.ReadByte());
            byte flags = reader.ReadByte();
            int sensorCount = ReadCount(reader);
            var sensors = new SensorWindow[sensorCount];
            for (int i = 0; i < sensorCount; i++)
            {
                sensors[i] = ReadSensor(reader);
            }

            TrafficWindow? traffic = (flags & TrafficFlag) != 0 ? ReadTraffic(reader) : null;
            if (stream.Position != stream.Length)
            {
                throw new InvalidDataException($"Stored window has {stream.Length - stream.Position} bytes after its end: the row is damaged.");
            }

            return new ClosedWindow(start, length, time, (flags & PartialFlag) != 0, sensors, traffic);
        }
        catch (Exception e) when (e is EndOfStreamException or ArgumentOutOfRangeException or FormatException)
        {
            throw new InvalidDataException("Stored window is cut short or malformed: the row is damaged.", e);
        }
    }

    private static void WriteSensor(BinaryWriter writer, SensorWindow sensor)
    {
        writer.Write(sensor.Sensor);
        writer.Write(sensor.Coverage);
        writer.Write7BitEncodedInt(sensor.Faults);
        writer.Write(PersistedCodes.Of(sensor.LastFault));
        writer.Write7BitEncodedInt(sensor.Metrics.Count);
        foreach (MetricSummary metric in sensor.Metrics)
        {
            writer.Write(PersistedCodes.Of(metric.Metric));
            writer.Write7BitEncodedInt(metric.Count);
            writer.Write(metric.Mean);
            writer.Write(metric.Minimum);
            writer.Write(metric.Maximum);
            writer.Write(metric.Last);
        }
    }

    private static SensorWindow ReadSensor(BinaryReader reader)
    {
        string name = reader.ReadString();
        double coverage = reader.ReadDouble();
        int faults = ReadCount(reader);
        SensorFaultKind? lastFault = PersistedCodes.FaultFrom(reader.ReadByte());
        int metricCount = ReadCount(reader);
        var metrics = new MetricSummary[metricCount];
        for (int i = 0; i < metricCount; i++)
        {
            metrics[i] = new MetricSummary(
                PersistedCodes.MetricFrom(reader.ReadByte()),
                ReadCount(reader),
                reader.ReadDouble(),
                reader.ReadDouble(),
                reader.ReadDouble(),
                reader.ReadDouble());
        }

        return new SensorWindow(name, coverage, metrics, faults, lastFault);
    }

    private static void WriteTraffic(BinaryWriter writer, TrafficWindow traffic)
    {
        writer.Write7BitEncodedInt(traffic.Approaching);
        writer.Write7BitEncodedInt(traffic.Receding);
        writer.Write(checked((byte)traffic.SpeedHistogram.Count));
        foreach (int vehicles in traffic.SpeedHistogram)
        {
            writer.Write7BitEncodedInt(vehicles);
        }

        writer.Write(traffic.V85KilometresPerHour.HasValue);
        if (traffic.V85KilometresPerHour is { } v85)
        {
            writer.Write(v85);
        }
    }

    private static TrafficWindow ReadTraffic(BinaryReader reader)
    {
        int approaching = ReadCount(reader);
        int receding = ReadCount(reader);
        int[] bins = new int[reader.ReadByte()];
        for (int i = 0; i < bins.Length; i++)
        {
            bins[i] = ReadCount(reader);
        }

        double? v85 = reader.ReadBoolean() ? reader.ReadDouble() : null;
        return new TrafficWindow(approaching, receding, bins, v85);
    }

    private static int ReadCount(BinaryReader reader)
    {
        int count = reader.Read7BitEncodedInt();
        return count >= 0 ? count : throw new InvalidDataException($"Stored window has a negative count ({count}): the row is damaged.");
    }
}

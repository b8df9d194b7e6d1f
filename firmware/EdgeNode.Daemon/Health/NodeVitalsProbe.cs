using System.Globalization;

namespace EdgeNode.Daemon.Health;

/// <summary>
/// Reads <see cref="NodeVitals"/> from the kernel's own files (<c>/proc</c>, <c>/sys</c>) rather than from
/// tools, so it costs a few small reads and works the same on every Pi. The roots are parameters so the
/// parsing can be tested on files a test writes.
/// </summary>
public sealed class NodeVitalsProbe(string dataDirectory, string procRoot = "/proc", string sysRoot = "/sys")
{
    /// <exception cref="IOException">/proc could not be read: the probe cannot run on this system.</exception>
    public NodeVitals Read()
    {
        var disk = new DriveInfo(ExistingAncestor(dataDirectory));
        return new NodeVitals(
            Uptime(),
            CpuTemperatureCelsius(),
            disk.AvailableFreeSpace,
            disk.TotalSize,
            KilobytesField(Path.Combine(procRoot, "meminfo"), "MemAvailable:") * 1024,
            KilobytesField(Path.Combine(procRoot, "self", "status"), "VmRSS:") * 1024);
    }

    private TimeSpan Uptime()
    {
        // /proc/uptime: "seconds-since-boot idle-seconds", seconds with two decimals.
        string first = File.ReadAllText(Path.Combine(procRoot, "uptime")).Split(' ', 2)[0];
        return TimeSpan.FromSeconds(double.Parse(first, CultureInfo.InvariantCulture));
    }

    /// <summary>The Pi's SoC sensor is thermal_zone0 (type "cpu-thermal"); its temp file holds millidegrees.</summary>
    private double? CpuTemperatureCelsius()
    {
        string zones = Path.Combine(sysRoot, "class", "thermal");
        if (!Directory.Exists(zones))
        {
            return null;
        }

        foreach (string zone in Directory.EnumerateDirectories(zones, "thermal_zone*").Order(StringComparer.Ordinal))
        {
            string typeFile = Path.Combine(zone, "type");
            string tempFile = Path.Combine(zone, "temp");
            if (File.Exists(tempFile) && (!File.Exists(typeFile) || File.ReadAllText(typeFile).Contains("cpu", StringComparison.OrdinalIgnoreCase))
                && long.TryParse(File.ReadAllText(tempFile).Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out long millidegrees))
            {
                return millidegrees / 1000.0;
            }
        }

        return null;
    }

    private static long KilobytesField(string file, string field)
    {
        foreach (string line in File.ReadLines(file))
        {
            if (line.StartsWith(field, StringComparison.Ordinal))
            {
                // "MemAvailable:    1234567 kB"
                string value = line[field.Length..].Trim().Split(' ', 2)[0];
                return long.Parse(value, CultureInfo.InvariantCulture);
            }
        }

        throw new IOException($"{file} has no {field} line: this kernel does not report it.");
    }

    /// <summary>The data directory may not exist yet on a fresh node; its file system is that of its nearest ancestor.</summary>
    private static string ExistingAncestor(string path)
    {
        string? current = Path.GetFullPath(path);
        while (current is not null && !Directory.Exists(current))
        {
            current = Path.GetDirectoryName(current);
        }

        return current ?? "/";
    }
}

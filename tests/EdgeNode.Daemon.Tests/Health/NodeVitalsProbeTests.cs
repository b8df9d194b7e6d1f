using EdgeNode.Daemon.Health;

namespace EdgeNode.Daemon.Tests.Health;

public sealed class NodeVitalsProbeTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("edgenode-vitals-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string Write(string relativePath, string content)
    {
        string path = Path.Combine(_root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    private void WriteProc(string uptime = "93784.21 180000.50\n")
    {
        Write("proc/uptime", uptime);
        Write("proc/meminfo", "MemTotal:        3884408 kB\nMemFree:          112000 kB\nMemAvailable:    2811212 kB\n");
        Write("proc/self/status", "Name:\tedgenode\nVmPeak:\t  250000 kB\nVmRSS:\t   38912 kB\nThreads:\t12\n");
    }

    [Fact]
    public void A_raspberry_pi_s_files_are_read_in_their_units()
    {
        WriteProc();
        Write("sys/class/thermal/thermal_zone0/type", "cpu-thermal\n");
        Write("sys/class/thermal/thermal_zone0/temp", "48312\n");

        NodeVitals vitals = new NodeVitalsProbe(_root, Path.Combine(_root, "proc"), Path.Combine(_root, "sys")).Read();

        Assert.Equal(TimeSpan.FromSeconds(93784.21), vitals.Uptime);
        Assert.Equal(48.312, vitals.CpuTemperatureCelsius);
        Assert.Equal(2811212L * 1024, vitals.MemoryAvailableBytes);
        Assert.Equal(38912L * 1024, vitals.ProcessResidentBytes);
        Assert.True(vitals.DiskTotalBytes > 0 && vitals.DiskFreeBytes <= vitals.DiskTotalBytes);
    }

    [Fact]
    public void Without_a_thermal_zone_the_temperature_is_unknown_not_zero()
    {
        WriteProc();

        NodeVitals vitals = new NodeVitalsProbe(_root, Path.Combine(_root, "proc"), Path.Combine(_root, "sys")).Read();

        Assert.Null(vitals.CpuTemperatureCelsius);
    }

    [Fact]
    public void A_zone_that_is_not_the_cpu_is_not_taken_for_it()
    {
        WriteProc();
        Write("sys/class/thermal/thermal_zone0/type", "battery\n");
        Write("sys/class/thermal/thermal_zone0/temp", "25000\n");
        Write("sys/class/thermal/thermal_zone1/type", "cpu-thermal\n");
        Write("sys/class/thermal/thermal_zone1/temp", "61000\n");

        NodeVitals vitals = new NodeVitalsProbe(_root, Path.Combine(_root, "proc"), Path.Combine(_root, "sys")).Read();

        Assert.Equal(61.0, vitals.CpuTemperatureCelsius);
    }

    [Fact]
    public void A_data_directory_not_yet_created_is_measured_on_its_parent_file_system()
    {
        WriteProc();

        NodeVitals vitals = new NodeVitalsProbe(Path.Combine(_root, "not", "yet", "there"), Path.Combine(_root, "proc"), Path.Combine(_root, "sys")).Read();

        Assert.Equal(new DriveInfo(_root).TotalSize, vitals.DiskTotalBytes);
    }

    [Fact]
    public void A_kernel_without_memavailable_is_a_clear_error()
    {
        WriteProc();
        Write("proc/meminfo", "MemTotal:        3884408 kB\n");

        IOException e = Assert.Throws<IOException>(() => new NodeVitalsProbe(_root, Path.Combine(_root, "proc"), Path.Combine(_root, "sys")).Read());

        Assert.Contains("MemAvailable:", e.Message);
    }

    [Fact]
    public void This_machine_s_own_proc_is_read()
    {
        NodeVitals vitals = new NodeVitalsProbe(Path.GetTempPath()).Read();

        Assert.True(vitals.Uptime > TimeSpan.Zero);
        Assert.InRange(vitals.ProcessResidentBytes, 1L << 20, Environment.WorkingSet * 4);
        Assert.True(vitals.MemoryAvailableBytes > 0);
    }
}

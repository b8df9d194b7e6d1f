using EdgeNode.Daemon.Buffer;
using EdgeNode.Daemon.Commands;
using EdgeNode.Daemon.Health;
using EdgeNode.Daemon.Status;
using EdgeNode.Daemon.Uplink;
using EdgeNode.Hardware.Clock;
using EdgeNode.Sensors;

namespace EdgeNode.Daemon.Tests.Commands;

public sealed class StatusCommandTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 5, 4, 10, 30, 0, TimeSpan.Zero);

    private readonly string _folder = Directory.CreateTempSubdirectory("edgenode-status-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static NodeStatus Status(DateTimeOffset writtenAt, params SensorState[] sensors) => Status(writtenAt, UplinkStatus.Disabled, sensors);

    private static NodeStatus Status(DateTimeOffset writtenAt, UplinkStatus uplink, params SensorState[] sensors) => new(
        "mairie-lamppost-12", "1.0.0", writtenAt, ClockSynchronisation.Unsynchronised,
        new NodeVitals(TimeSpan.FromHours(27), 48.3, 12L << 30, 29L << 30, 2L << 30, 38L << 20),
        new WindowBufferStatus("/var/lib/edgenode/buffer.db", 64L << 20, 3L << 20, 42, Now.AddHours(-10), 0, 0, 0, 0, true, null, null),
        sensors,
        uplink);

    private static async Task<(int ExitCode, string Output)> Run(params string[] args)
    {
        var output = new StringWriter();
        int exitCode = await EdgeNodeCommandLine.Create(output).Parse(["status", .. args]).InvokeAsync();
        return (exitCode, output.ToString());
    }

    [Fact]
    public void A_fresh_status_says_everything_a_technician_checks_and_names_a_faulty_sensor()
    {
        var output = new StringWriter();
        bool ok = StatusCommand.Write(Status(Now.AddSeconds(-20),
            new SensorState("bme280", Now.AddSeconds(-50), null, null, null),
            new SensorState("scd4x", Now.AddMinutes(-30), SensorFaultKind.NotAnswering, "SCD4x at I2C bus 1, address 0x62 stopped answering.", Now.AddMinutes(-16))), Now, output);

        string text = output.ToString();
        Assert.False(ok);
        Assert.Contains("Node mairie-lamppost-12, firmware 1.0.0, status written 20 s ago", text);
        Assert.Contains("Clock: NOT synchronised", text);
        Assert.Contains("Up 1 d 3 h; CPU 48 °C; disk free 12.0 GB of 29.0 GB; memory available 2.0 GB; service 38.0 MB", text);
        Assert.Contains("Buffer: 42 windows waiting for the fleet (oldest 2026-05-04 00:30 UTC), 3.0 MB of 64.0 MB; storage OK", text);
        Assert.Contains("  bme280   OK     last reading 30 s before this status", text);
        Assert.Contains("  scd4x    FAULT  not answering since 10:14 UTC: SCD4x at I2C bus 1, address 0x62 stopped answering.", text);
    }

    [Fact]
    public void A_status_older_than_three_intervals_says_the_service_is_not_running()
    {
        var output = new StringWriter();

        bool ok = StatusCommand.Write(Status(Now.AddMinutes(-10), new SensorState("bme280", Now.AddMinutes(-11), null, null, null)), Now, output);

        Assert.False(ok);
        Assert.Contains("STALE: the service is not running or is hung", output.ToString());
    }

    [Fact]
    public async Task The_file_the_service_writes_is_what_the_command_reads()
    {
        StatusFile.Write(_folder, Status(DateTimeOffset.UtcNow, new SensorState("bme280", DateTimeOffset.UtcNow, null, null, null)));

        (int exitCode, string? output) = await Run("--data-directory", _folder);

        Assert.Equal(0, exitCode);
        Assert.Contains("Node mairie-lamppost-12", output);
        Assert.Contains("  bme280   OK", output);
    }

    [Fact]
    public async Task An_emulated_node_back_filling_days_ago_is_fresh_by_its_file_and_a_file_left_alone_is_stale()
    {
        DateTimeOffset emulated = DateTimeOffset.UtcNow.AddDays(-5);
        StatusFile.Write(_folder, Status(emulated, new SensorState("bme280", emulated, null, null, null)));

        (int _, string? fresh) = await Run("--data-directory", _folder);
        File.SetLastWriteTimeUtc(Path.Combine(_folder, StatusFile.FileName), DateTime.UtcNow.AddMinutes(-10));
        (int _, string? left) = await Run("--data-directory", _folder);

        Assert.DoesNotContain("STALE", fresh);
        Assert.Contains("STALE: the service is not running or is hung", left);
    }

    [Fact]
    public async Task Without_a_status_file_it_says_the_service_is_not_running()
    {
        (int exitCode, string? output) = await Run("--data-directory", _folder);

        Assert.Equal(2, exitCode);
        Assert.Contains("the service is not running", output);
        Assert.Contains("systemctl status edgenode", output);
    }

    [Fact]
    public async Task A_damaged_status_file_is_reported_not_thrown()
    {
        File.WriteAllText(Path.Combine(_folder, StatusFile.FileName), "{ \"NodeId\": ");

        (int exitCode, string? output) = await Run("--data-directory", _folder);

        Assert.Equal(2, exitCode);
        Assert.Contains("cannot be read", output);
    }

    [Fact]
    public async Task A_status_caught_half_rewritten_is_read_again_and_one_that_stays_so_is_reported()
    {
        NodeStatus status = Status(DateTimeOffset.UtcNow, new SensorState("bme280", DateTimeOffset.UtcNow, null, null, null));
        StatusFile.Write(_folder, status);
        string path = Path.Combine(_folder, StatusFile.FileName);
        byte[] whole = File.ReadAllBytes(path);
        byte[] torn = [.. whole];
        int body = Array.IndexOf(torn, (byte)'{');
        torn[body + 10] ^= 0x20;
        File.WriteAllBytes(path, torn);

        // The service (another process: a thread of its own here, not the pool the reader's wait could starve)
        // finishes its rewrite while the reader waits.
        var finishing = new Thread(() =>
        {
            Thread.Sleep(100);
            StatusFile.Write(_folder, status);
        });
        finishing.Start();
        NodeStatus? read = StatusFile.Read(_folder);
        finishing.Join();
        File.WriteAllBytes(path, torn);
        (int exitCode, string? output) = await Run("--data-directory", _folder);

        Assert.Equal(status.NodeId, read?.NodeId);
        Assert.Equal(2, exitCode);
        Assert.Contains("cannot be read (its length or checksum does not match what follows", output);
    }

    [Fact]
    public void A_full_disk_is_said_in_words_with_what_waits_in_memory_and_what_to_do()
    {
        var full = new WindowBufferStatus("/var/lib/edgenode/buffer.db", 64L << 20, 3L << 20, 42, Now.AddHours(-10), 12, 0, 0, 0, false,
            "Could not store a window. The buffer database /var/lib/edgenode/buffer.db cannot grow: the file system is full (SQLITE_FULL). Free space on the SD card (old logs, /var/tmp) or lower the buffer quota.",
            Now.AddMinutes(-11));
        NodeStatus status = Status(Now.AddSeconds(-20), new SensorState("bme280", Now.AddSeconds(-50), null, null, null)) with
        {
            Buffer = full,
            Vitals = new NodeVitals(TimeSpan.FromHours(27), 48.3, 0, 29L << 30, 2L << 30, 38L << 20),
        };
        var output = new StringWriter();

        bool ok = StatusCommand.Write(status, Now, output);

        string text = output.ToString();
        Assert.False(ok);
        Assert.DoesNotContain("STALE", text);
        Assert.Contains("disk free 0 kB of 29.0 GB — DISK FULL", text);
        Assert.Contains("storage FAILING (below)", text);
        Assert.Contains("Storage FAILING since 2026-05-04 10:19 UTC: Could not store a window. The buffer database /var/lib/edgenode/buffer.db cannot grow: the file system is full (SQLITE_FULL).", text);
        Assert.Contains("12 windows are waiting in memory: they are lost if the service stops or the node loses power before storage works again, so free space first and restart only after.", text);
    }

    [Fact]
    public void A_node_that_cannot_reach_the_fleet_says_why_in_words()
    {
        var uplink = new UplinkStatus(true, false, "the broker refused the node's credential: check Uplink:Username/Password", Now.AddHours(-2), 3, 12_345, 678);
        var output = new StringWriter();

        StatusCommand.Write(Status(Now, uplink), Now, output);

        Assert.Contains("Fleet: NOT connected — the broker refused the node's credential", output.ToString());
        Assert.Contains("last sync 2026-05-04 08:30 UTC", output.ToString());
    }

    [Fact]
    public void The_status_names_the_calibration_version_in_force_or_says_there_is_none()
    {
        var calibrated = new StringWriter();
        var raw = new StringWriter();

        StatusCommand.Write(Status(Now, new UplinkStatus(true, true, null, Now, 3, 0, 0, CalibrationVersion: 5)), Now, calibrated);
        StatusCommand.Write(Status(Now, new UplinkStatus(true, true, null, Now, 3, 0, 0)), Now, raw);

        Assert.Contains("Calibration: version 5 from the fleet", calibrated.ToString());
        Assert.Contains("Calibration: none from the fleet", raw.ToString());
    }

    [Fact]
    public void A_node_without_a_broker_says_its_windows_stay_on_it()
    {
        var output = new StringWriter();

        StatusCommand.Write(Status(Now), Now, output);

        Assert.Contains("Fleet: not configured (Uplink:Broker)", output.ToString());
    }
}

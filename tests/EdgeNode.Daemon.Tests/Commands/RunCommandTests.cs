using EdgeNode.Daemon.Buffer;
using EdgeNode.Daemon.Commands;
using EdgeNode.Daemon.Status;
using EdgeNode.Daemon.Windows;
using EdgeNode.Sensors;

namespace EdgeNode.Daemon.Tests.Commands;

/// <summary><c>edgenode run --emulate</c> end to end: configuration file, emulated sensors at the wire, sped-up time, a real SQLite buffer.</summary>
public sealed class RunCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("edgenode-run-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Config(string json)
    {
        string path = Path.Combine(_folder, "edgenode.json");
        File.WriteAllText(path, json);
        return path;
    }

    private static async Task<(int ExitCode, string Output)> Run(TimeSpan forHowLong, params string[] args)
    {
        var output = new StringWriter();
        using var stop = new CancellationTokenSource(forHowLong);
        int exitCode = await EdgeNodeCommandLine.Create(output).Parse(["run", .. args]).InvokeAsync(cancellationToken: stop.Token);
        return (exitCode, output.ToString());
    }

    [Fact]
    public async Task Minutes_of_emulated_sampling_end_up_as_windows_in_the_buffer_and_a_stop_keeps_the_partial_one()
    {
        // One-minute windows at 50 times real speed: ten seconds give about eight windows and two wake-ups of
        // the particulate sensors, with the serial timeouts (1–5 s) still far above the timer resolution
        // (a millisecond, 50 ms here) even on a loaded machine.
        string data = Path.Combine(_folder, "data");
        string config = Config($$"""
            { "Node": { "Id": "test-node-1", "DataDirectory": "{{data}}" }, "Aggregation": { "WindowLength": "00:01:00" } }
            """);

        (int exitCode, string _) = await Run(TimeSpan.FromSeconds(10), "--config", config, "--emulate", "--speed", "50");

        Assert.Equal(0, exitCode);
        await using WindowBuffer buffer = WindowBuffer.Open(new WindowBufferOptions { DatabasePath = Path.Combine(data, "buffer.db") });
        IReadOnlyList<ClosedWindow> stored = buffer.PeekOldest(1000).Select(s => s.Window).ToArray();
        Assert.InRange(stored.Count, 5, 12);
        Assert.All(stored, w => Assert.Equal(TimeSpan.FromMinutes(1), w.Length));
        foreach (string sensor in new[] { "bme280", "scd4x", "sds011", "pms5003" })
        {
            Assert.Contains(stored, w => w.Sensors.Any(s => s.Sensor == sensor && s.Metrics.Count > 0));
        }

        Assert.Contains(stored, w => w.Sensors.Any(s => s.Sensor == "ops243" && s.Coverage > 0));
        Assert.All(stored, w => Assert.NotNull(w.Traffic));
        Assert.True(stored[^1].Partial, "the window in progress at stop was not kept");

        NodeStatus? status = StatusFile.Read(data);
        Assert.NotNull(status);
        Assert.Equal("test-node-1", status.NodeId);
        Assert.Equal(["bme280", "ops243", "pms5003", "scd4x", "sds011"], status.Sensors.Select(s => s.Sensor));
    }

    [Fact]
    public async Task A_node_service_that_dies_exits_non_zero_so_that_systemd_restarts_it()
    {
        // A file where the data directory should be: the service fails at its first step.
        string notADirectory = Path.Combine(_folder, "not-a-directory");
        File.WriteAllText(notADirectory, "");
        string config = Config("""{ "Node": { "Id": "test-node-1" } }""");

        (int exitCode, string _) = await Run(TimeSpan.FromMinutes(1), "--config", config, "--emulate", "--data-directory", notADirectory);

        Assert.Equal(1, exitCode);
    }

    [Fact]
    public async Task Faults_given_at_start_or_written_to_the_control_file_while_running_show_in_the_status_and_clear()
    {
        // At 50 times real speed the status is rewritten every 1.2 s and the file is read every 2 s; the limit
        // below is far beyond both (and the back-off of a failing sensor) so a loaded machine does not flake.
        string data = Path.Combine(_folder, "data");
        string config = Config($$"""{ "Node": { "Id": "test-node-1", "DataDirectory": "{{data}}" } }""");
        string control = Path.Combine(data, "emulation-faults");
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var output = new StringWriter();
        Task<int> running = EdgeNodeCommandLine.Create(output)
            .Parse(["run", "--config", config, "--emulate", "--speed", "50", "--fault", "scd4x=corrupt-data"]).InvokeAsync(cancellationToken: stop.Token);
        try
        {
            // A fault from the start meets the driver while it identifies the sensor: the SCD4x driver calls a
            // serial number failing its CRC "not present", so only the fault's presence is asserted.
            await Until(() => Sensor(data, "scd4x")?.LastFault is not null && Sensor(data, "bme280") is { LastFault: null, LastGoodAt: not null });
            Assert.Contains("scd4x=corrupt-data", File.ReadAllLines(control));

            // A malformed line among good ones: the good ones apply, the node carries on.
            File.WriteAllText(control, "bme280=not-answering\nthis is not a fault\nsds011=not-present\n");
            await Until(() => Sensor(data, "bme280")?.LastFault == SensorFaultKind.NotAnswering
                && Sensor(data, "sds011")?.LastFault is not null
                && Sensor(data, "scd4x") is { LastFault: null });

            File.WriteAllText(control, "");
            await Until(() => Sensor(data, "bme280") is { LastFault: null } && Sensor(data, "sds011") is { LastFault: null });
            Assert.False(running.IsCompleted, "the node stopped");
        }
        finally
        {
            await stop.CancelAsync();
        }

        Assert.Equal(0, await running);
    }

    private static SensorState? Sensor(string data, string sensor)
    {
        try
        {
            return StatusFile.Read(data)?.Sensors.FirstOrDefault(s => s.Sensor == sensor);
        }
        catch (Exception e) when (e is IOException or System.Text.Json.JsonException)
        {
            return null; // caught mid-write
        }
    }

    private static async Task Until(Func<bool> condition)
    {
        DateTimeOffset deadline = DateTimeOffset.UtcNow.AddSeconds(60);
        while (!condition())
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, "the node's status did not show the expected sensor states within 60 s");
            await Task.Delay(200);
        }
    }

    [Fact]
    public async Task A_fault_the_running_service_cannot_take_is_refused_before_anything_starts()
    {
        string config = Config("""{ "Node": { "Id": "test-node-1" } }""");

        (int warmingUp, string? warmingUpOutput) = await Run(TimeSpan.FromSeconds(30), "--config", config, "--emulate", "--fault", "sds011=warming-up");
        (int twice, string? twiceOutput) = await Run(TimeSpan.FromSeconds(30), "--config", config, "--emulate", "--fault", "sds011=stuck", "--fault", "sds011=corrupt-data");
        (int real, string? realOutput) = await Run(TimeSpan.FromSeconds(30), "--config", config, "--fault", "sds011=stuck");
        (int unknown, string? unknownOutput) = await Run(TimeSpan.FromSeconds(30), "--config", config, "--emulate", "--fault", "toaster=stuck");

        Assert.Equal([2, 2, 2, 2], new[] { warmingUp, twice, real, unknown });
        Assert.Contains("only be injected into the self-test", warmingUpOutput);
        Assert.Contains("one fault per sensor", twiceOutput);
        Assert.Contains("--fault needs --emulate", realOutput);
        Assert.Contains("SENSOR one of", unknownOutput);
    }

    [Fact]
    public async Task Every_configuration_problem_is_named_at_once_and_nothing_starts()
    {
        string config = Config("""{ "Node": { "Id": "Not An Id!", "DataDirectory": "relative/dir" }, "Sensors": { "Fitted": ["bme280", "toaster"] } }""");

        (int exitCode, string? output) = await Run(TimeSpan.FromSeconds(30), "--config", config, "--emulate");

        Assert.Equal(2, exitCode);
        Assert.Contains("Configuration: Node:Id is 'Not An Id!'", output);
        Assert.Contains("Configuration: Node:DataDirectory is 'relative/dir'", output);
        Assert.Contains("Configuration: Sensors:Fitted names 'toaster'", output);
    }

    [Fact]
    public async Task A_named_configuration_file_that_is_missing_is_an_error_not_a_default()
    {
        (int exitCode, string? output) = await Run(TimeSpan.FromSeconds(30), "--config", Path.Combine(_folder, "nope.json"));

        Assert.Equal(2, exitCode);
        Assert.Contains("nope.json not found", output);
    }

    [Fact]
    public async Task A_configuration_file_that_is_not_json_is_named_with_where_it_breaks()
    {
        string config = Config("""{ "Node": { "Id": "test-node-1", } "Sensors": """);

        (int exitCode, string? output) = await Run(TimeSpan.FromSeconds(30), "--config", config, "--emulate");

        Assert.Equal(2, exitCode);
        Assert.Contains($"Configuration file {config} cannot be read", output);
    }

    [Fact]
    public async Task A_wrongly_typed_setting_is_named()
    {
        string config = Config("""{ "Node": { "Id": "test-node-1" }, "Sensors": { "I2cBus": "one" } }""");

        (int exitCode, string? output) = await Run(TimeSpan.FromSeconds(30), "--config", config, "--emulate");

        Assert.Equal(2, exitCode);
        Assert.Contains("Sensors:I2cBus", output);
    }

    [Fact]
    public async Task A_GPIO_pin_off_the_header_or_used_twice_is_named()
    {
        string config = Config("""{ "Node": { "Id": "test-node-1" }, "Gpio": { "StatusLedPin": 40, "ButtonPin": 22, "Pms5003SetPin": 22 } }""");

        (int exitCode, string? output) = await Run(TimeSpan.FromSeconds(30), "--config", config, "--emulate");

        Assert.Equal(2, exitCode);
        Assert.Contains("Gpio:StatusLedPin is 40", output);
        Assert.Contains("Gpio:Pms5003SetPin and Gpio:ButtonPin are both GPIO 22", output);
    }

    [Fact]
    public async Task Speeding_up_real_hardware_is_refused()
    {
        string config = Config("""{ "Node": { "Id": "test-node-1" } }""");

        (int exitCode, string? output) = await Run(TimeSpan.FromSeconds(30), "--config", config, "--speed", "60");

        Assert.Equal(2, exitCode);
        Assert.Contains("only with --emulate", output);
    }
}

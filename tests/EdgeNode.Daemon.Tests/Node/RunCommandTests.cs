using EdgeNode.Daemon;
using EdgeNode.Daemon.Buffer;
using EdgeNode.Daemon.Windows;

namespace EdgeNode.Daemon.Tests.Node;

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

        var (exitCode, _) = await Run(TimeSpan.FromSeconds(10), "--config", config, "--emulate", "--speed", "50");

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

        var status = EdgeNode.Daemon.Status.StatusFile.Read(data);
        Assert.NotNull(status);
        Assert.Equal("test-node-1", status.NodeId);
        Assert.Equal(["bme280", "ops243", "pms5003", "scd4x", "sds011"], status.Sensors.Select(s => s.Sensor));
    }

    [Fact]
    public async Task Every_configuration_problem_is_named_at_once_and_nothing_starts()
    {
        string config = Config("""{ "Node": { "Id": "Not An Id!", "DataDirectory": "relative/dir" }, "Sensors": { "Fitted": ["bme280", "toaster"] } }""");

        var (exitCode, output) = await Run(TimeSpan.FromSeconds(30), "--config", config, "--emulate");

        Assert.Equal(2, exitCode);
        Assert.Contains("Configuration: Node:Id is 'Not An Id!'", output);
        Assert.Contains("Configuration: Node:DataDirectory is 'relative/dir'", output);
        Assert.Contains("Configuration: Sensors:Fitted names 'toaster'", output);
    }

    [Fact]
    public async Task A_named_configuration_file_that_is_missing_is_an_error_not_a_default()
    {
        var (exitCode, output) = await Run(TimeSpan.FromSeconds(30), "--config", Path.Combine(_folder, "nope.json"));

        Assert.Equal(2, exitCode);
        Assert.Contains("nope.json not found", output);
    }

    [Fact]
    public async Task A_configuration_file_that_is_not_json_is_named_with_where_it_breaks()
    {
        string config = Config("""{ "Node": { "Id": "test-node-1", } "Sensors": """);

        var (exitCode, output) = await Run(TimeSpan.FromSeconds(30), "--config", config, "--emulate");

        Assert.Equal(2, exitCode);
        Assert.Contains($"Configuration file {config} cannot be read", output);
    }

    [Fact]
    public async Task A_wrongly_typed_setting_is_named()
    {
        string config = Config("""{ "Node": { "Id": "test-node-1" }, "Sensors": { "I2cBus": "one" } }""");

        var (exitCode, output) = await Run(TimeSpan.FromSeconds(30), "--config", config, "--emulate");

        Assert.Equal(2, exitCode);
        Assert.Contains("Sensors:I2cBus", output);
    }

    [Fact]
    public async Task Speeding_up_real_hardware_is_refused()
    {
        string config = Config("""{ "Node": { "Id": "test-node-1" } }""");

        var (exitCode, output) = await Run(TimeSpan.FromSeconds(30), "--config", config, "--speed", "60");

        Assert.Equal(2, exitCode);
        Assert.Contains("only with --emulate", output);
    }
}

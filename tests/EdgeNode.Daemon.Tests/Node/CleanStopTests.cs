using EdgeNode.Daemon.Buffer;
using EdgeNode.TestSupport;

namespace EdgeNode.Daemon.Tests.Node;

/// <summary>
/// The real <c>edgenode run</c> stopped with SIGTERM as systemd stops it, while a sensor does not answer: the stop must
/// be clean whatever a sensor does (exit 0, the window in progress stored, "stopped" logged), never cut short.
/// </summary>
public sealed class CleanStopTests : IDisposable
{
    private readonly TemporaryDirectory _data = new("edgenode-stop-");

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task SIGTERM_while_the_SDS011_does_not_answer_stops_cleanly_and_keeps_the_window_in_progress()
    {
        // The SDS011 confirms sleeping, so the stop asks it and waits for an answer that never comes.
        const string silent = "sds011";
        await using var node = new ChildProcess("edgenode", Path.Combine(AppContext.BaseDirectory, "edgenode"),
            ["run", "--emulate", "--fault", $"{silent}=not-answering", "--data-directory", _data.Path],
            new Dictionary<string, string> { ["EDGENODE_Node__Id"] = "stop-test" });
        node.Start();
        await node.WaitForOutputAsync("sampling", TimeSpan.FromSeconds(60));
        // Into the silent sensor's first exchange (its answer timeout is 3 s), where the field saw the stop cut short.
        await Task.Delay(TimeSpan.FromSeconds(1.5));

        await node.TerminateAsync();

        Assert.True(0 == node.ExitCode, $"exit code {node.ExitCode}, not 0. Output:\n{node.Tail()}");
        Assert.Contains("stopped", node.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(_data.File("buffer.db-wal")), "the buffer's write-ahead log was left behind: the database was not closed");
        await using WindowBuffer buffer = WindowBuffer.Open(new WindowBufferOptions { DatabasePath = _data.File("buffer.db") });
        Assert.Contains(buffer.PeekOldest(100), w => w.Window.Partial && w.Window.Sensors.Any(s => s.Sensor == "bme280" && s.Metrics.Count > 0));
    }
}

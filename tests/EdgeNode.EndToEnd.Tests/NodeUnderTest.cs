using System.Globalization;
using EdgeNode.Daemon.Buffer;
using EdgeNode.Daemon.Status;
using EdgeNode.TestSupport;

namespace EdgeNode.EndToEnd.Tests;

/// <summary>
/// One emulated node as its own process: <c>edgenode run --emulate</c>, sped up, its emulated clock started in the
/// past so that it lives through hours or days in seconds and then carries on at the real pace.
/// </summary>
internal sealed class NodeUnderTest : IAsyncDisposable
{
    private readonly TemporaryDirectory _data;
    private readonly List<string> _arguments;
    private readonly Dictionary<string, string> _environment;

    private readonly string? _configurationFile;

    private readonly string _executable;

    public NodeUnderTest(string nodeId, MosquittoBroker broker, TimeSpan history, double speed = 1000, string syncInterval = "01:00:00")
        : this(nodeId, null, history, speed, syncInterval, new Dictionary<string, string>
        {
            ["EDGENODE_Node__Id"] = nodeId,
            ["EDGENODE_Uplink__Broker"] = broker.Host,
            ["EDGENODE_Uplink__Port"] = broker.Port.ToString(CultureInfo.InvariantCulture),
        }, null)
    {
    }

    /// <summary>
    /// A node set up as a technician does it: its configuration directory holds a minimal edgenode.json and the
    /// fleet.json and fleet-ca.pem that enrolment wrote into <paramref name="enrolmentDirectory"/>.
    /// </summary>
    /// <param name="executable">The edgenode to run: by default the framework-dependent build next to the tests; the
    /// native binary as shipped for the tests of that (<see cref="NativeAot.NativeNodeBinaries"/>).</param>
    public static NodeUnderTest Enrolled(string nodeId, string enrolmentDirectory, TimeSpan history, string syncInterval = "01:00:00", string? executable = null)
    {
        string configuration = Path.Combine(enrolmentDirectory, "edgenode.json");
        File.WriteAllText(configuration, "{}");
        return new NodeUnderTest(nodeId, configuration, history, 1000, syncInterval, [], executable);
    }

    private NodeUnderTest(string nodeId, string? configurationFile, TimeSpan history, double speed, string syncInterval, Dictionary<string, string> uplink, string? executable)
    {
        _executable = executable ?? Path.Combine(AppContext.BaseDirectory, "edgenode");
        NodeId = nodeId;
        Speed = speed;
        _configurationFile = configurationFile;
        _data = new TemporaryDirectory($"edgenode-e2e-{nodeId}-");
        _arguments = Arguments(history);
        _environment = new Dictionary<string, string>(uplink)
        {
            ["EDGENODE_Uplink__SyncInterval"] = syncInterval,
            ["EDGENODE_Uplink__AckTimeout"] = "00:00:15",
            // A test's backlog drains at loopback speed; the default cap is for metered rural links.
            ["EDGENODE_Uplink__BacklogBytesPerSecond"] = "1000000",
        };
        Process = new ChildProcess(nodeId, _executable, _arguments, _environment);
    }

    public string NodeId { get; }

    public double Speed { get; }

    /// <summary>Everything every run of this node printed, for failure messages.</summary>
    public string History => _previousOutput + Process.Output;

    private string _previousOutput = "";

    public string DataDirectory => _data.Path;

    public ChildProcess Process { get; private set; }

    public void Start() => Process.Start();

    /// <summary>Runs again from the same data directory at real speed, as after a reboot; the backlog syncs at once.</summary>
    public Task RestartAtRealSpeedAsync() => RestartAsync([.. Common()]);

    /// <summary>
    /// Runs again, sped up, with the emulated clock resuming where the last status left it: a node that lost its
    /// power for a moment, in its own timeline.
    /// </summary>
    public Task ResumeAsync()
    {
        DateTimeOffset resumeAt = Status()?.WrittenAt ?? throw new InvalidOperationException($"{NodeId} wrote no status to resume from");
        return RestartAsync(Arguments(DateTimeOffset.UtcNow - resumeAt));
    }

    private async Task RestartAsync(List<string> arguments)
    {
        _previousOutput += Process.Output;
        await Process.DisposeAsync();
        Process = new ChildProcess(NodeId, _executable, arguments, _environment);
        Process.Start();
    }

    private List<string> Arguments(TimeSpan history)
    {
        List<string> arguments = [.. Common(), "--speed", Speed.ToString(CultureInfo.InvariantCulture)];
        if (history > TimeSpan.Zero)
        {
            arguments.AddRange(["--history", history.ToString("c", CultureInfo.InvariantCulture)]);
        }
        return arguments;
    }

    private IEnumerable<string> Common() =>
        _configurationFile is null
            ? ["run", "--emulate", "--data-directory", _data.Path]
            : ["run", "--emulate", "--data-directory", _data.Path, "--config", _configurationFile];

    /// <summary>What the node last wrote to status.json, or null before its first.</summary>
    public NodeStatus? Status()
    {
        try
        {
            return StatusFile.Read(_data.Path);
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>Waits until the node's emulated clock has reached the present (its status says so).</summary>
    public async Task WaitUntilCaughtUpAsync(TimeSpan timeout)
    {
        DateTime deadline = DateTime.UtcNow + timeout;
        while (Status() is not { } status || status.WrittenAt < DateTimeOffset.UtcNow.AddMinutes(-2))
        {
            if (DateTime.UtcNow > deadline || !Process.IsRunning)
            {
                throw new TimeoutException($"{NodeId} did not reach the present in {timeout} (status written {Status()?.WrittenAt:u}). Output:\n{Tail(History)}");
            }
            await Task.Delay(250);
        }
    }

    /// <summary>The windows still in the node's outbox; only while the node is stopped.</summary>
    public async Task<IReadOnlyList<StoredWindow>> RemainingWindowsAsync()
    {
        await using WindowBuffer buffer = WindowBuffer.Open(new WindowBufferOptions { DatabasePath = Path.Combine(_data.Path, "buffer.db") });
        return buffer.PeekOldest(100_000);
    }

    private static string Tail(string text) => string.Join('\n', text.Split('\n').TakeLast(80));

    public async ValueTask DisposeAsync()
    {
        await Process.DisposeAsync();
        _data.Dispose();
    }
}

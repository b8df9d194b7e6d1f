using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using EdgeNode.Daemon.Status;
using EdgeNode.EndToEnd.Benchmarks.Support;
using EdgeNode.TestSupport;

namespace EdgeNode.EndToEnd.Benchmarks.Wire;

/// <summary>
/// Bytes per node per day: one emulated node (<c>edgenode run --emulate --speed 1000 --history 1.00:00:00</c>) at
/// default uplink settings lives a day in about 90 s, talking to a real Mosquitto through a <see cref="CountingProxy"/>,
/// with the real fleet acking its batches. Counted from the node's first SYN to its DISCONNECT after the day.
/// </summary>
internal static partial class WireDayRun
{
    private const string NodeId = "mairie-12";

    public static async Task<WireDayFigures> RunAsync(TextWriter output)
    {
        await using MosquittoBroker broker = await MosquittoBroker.StartAsync();
        using var database = new TemporaryDirectory("edgenode-wire-fleet-");
        await using ChildProcess fleet = await FleetProcess.StartAsync(broker.Host, broker.Port, $"Data Source={database.File("fleet.db")}");
        await using var proxy = new CountingProxy(broker.Host, broker.Port);
        using var data = new TemporaryDirectory("edgenode-wire-node-");
        // Default uplink settings: only where the broker is (through the proxy) and who the node is.
        var environment = new Dictionary<string, string>
        {
            ["EDGENODE_Node__Id"] = NodeId,
            ["EDGENODE_Uplink__Broker"] = "127.0.0.1",
            ["EDGENODE_Uplink__Port"] = proxy.Port.ToString(CultureInfo.InvariantCulture),
        };
        await using var node = new ChildProcess(NodeId, Path.Combine(AppContext.BaseDirectory, "edgenode"),
            ["run", "--emulate", "--speed", "1000", "--history", "1.00:00:00", "--data-directory", data.Path], environment);
        var clock = Stopwatch.StartNew();
        node.Start();
        output.WriteLine("Node living a day at 1000× (about 90 s)…");
        DateTime deadline = DateTime.UtcNow.AddMinutes(6);
        while (Status(data.Path) is not { } status || status.WrittenAt < DateTimeOffset.UtcNow.AddMinutes(-2))
        {
            if (DateTime.UtcNow > deadline || !node.IsRunning)
            {
                throw new TimeoutException($"The node did not reach the present. Its output:\n{node.Tail()}");
            }
            await Task.Delay(250);
        }
        TimeSpan lived = clock.Elapsed;
        // SIGTERM: the node says goodbye (retained status) and sends DISCONNECT, as at the end of any connection.
        await node.TerminateAsync();
        await Task.Delay(500);

        int windows = SyncLine().Matches(node.Output).Sum(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture));
        int batches = SyncLine().Matches(node.Output).Sum(m => int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture));
        return new WireDayFigures(proxy.BytesUp, proxy.BytesDown, proxy.Connections, windows, batches, lived, proxy.UpFrames.ByKind, proxy.DownFrames.ByKind);
    }

    private static NodeStatus? Status(string directory)
    {
        try
        {
            return StatusFile.Read(directory);
        }
        catch (IOException)
        {
            return null;
        }
    }

    [GeneratedRegex(@"Sync: (\d+) windows in (\d+) batches")]
    private static partial Regex SyncLine();
}

internal sealed record WireDayFigures(
    long BytesUp,
    long BytesDown,
    int Connections,
    int WindowsDelivered,
    int Batches,
    TimeSpan Lived,
    IReadOnlyDictionary<string, (int Frames, long Bytes)> Up,
    IReadOnlyDictionary<string, (int Frames, long Bytes)> Down);

using System.Diagnostics;
using System.Text.RegularExpressions;
using EdgeNode.Fleet.Storage;
using EdgeNode.TestSupport;

namespace EdgeNode.EndToEnd.Tests;

/// <summary>
/// A single-server deployment as the demo runs it: the fleet starts its own Mosquitto (TLS, default deny), an admin
/// enrols a node with the fleet's command line, and the node, given only the files enrolment wrote, delivers over
/// TLS, through its broker being killed and restarted by the fleet.
/// </summary>
public sealed partial class SupervisedBrokerTests
{
    [Fact]
    public async Task An_enrolled_node_delivers_over_TLS_and_nothing_is_lost_when_the_fleet_restarts_its_killed_mosquitto()
    {
        using var fleetData = new TemporaryDirectory("edgenode-e2e-supervised-");
        using var enrolment = new TemporaryDirectory("edgenode-e2e-enrolment-");
        await using FleetUnderTest fleet = await FleetUnderTest.StartSupervisedAsync(
            fleetData.File("data"), $"Data Source={fleetData.File("fleet.db")}");
        int firstBroker = await BrokerPidAsync(fleet);
        Assert.True(firstBroker > 0, await fleet.HealthAsync());

        string said = await fleet.AdministerAsync(
            "enrol", "saint-jean-mairie", "--name", "Mairie", "--municipality", "Saint-Jean", "--latitude", "43.38", "--longitude", "-1.66", "--output", enrolment.Path);
        Assert.Contains("Node saint-jean-mairie enrolled", said, StringComparison.Ordinal);
        Assert.StartsWith("saint-jean-mairie\tenabled\tSaint-Jean\tMairie", (await fleet.AdministerAsync("list")).Split('\n').Single(line => line.StartsWith("saint-jean", StringComparison.Ordinal)), StringComparison.Ordinal);
        // The command's admin connection and the running fleet's must not take each other's place at the broker.
        Assert.DoesNotContain("connection to", said, StringComparison.Ordinal);
        Assert.DoesNotContain("connection lost", (await fleet.HealthAsync()) + fleet.Process.Output, StringComparison.OrdinalIgnoreCase);

        // A day at 1000 times real speed, syncing every 15 minutes of its time, so that the kill falls among many syncs.
        await using NodeUnderTest node = NodeUnderTest.Enrolled("saint-jean-mairie", enrolment.Path, history: TimeSpan.FromDays(1), syncInterval: "00:15:00");
        node.Start();
        await using (IFleetStore store = fleet.OpenStore())
        {
            await WaitUntilAsync(async () => await store.CountMetricWindowsAsync("saint-jean-mairie", CancellationToken.None) > 0, "the node's first windows in the fleet", fleet, node);
        }

        using (Process mosquitto = Process.GetProcessById(firstBroker))
        {
            mosquitto.Kill(); // SIGKILL, by the pid the fleet reported
        }
        int secondBroker = 0;
        await WaitUntilAsync(async () => (secondBroker = await BrokerPidAsync(fleet)) != firstBroker, "the fleet to run mosquitto again", fleet, node);

        await node.WaitUntilCaughtUpAsync(TimeSpan.FromMinutes(6));
        // What the technician's "edgenode status" shows: connected to the broker named in fleet.json, over TLS.
        await WaitUntilAsync(() => Task.FromResult(node.Status()?.Uplink is { Connected: true, Problem: null }), "the node to report itself connected", fleet, node);
        await Drain.StopAfterLastSyncAsync([node]);

        await using IFleetStore final = fleet.OpenStore();
        await DeliveryAssert.NothingLostAsync(final, node, minimumInFleet: 95);
        Assert.Equal(0, await final.CountDeadLettersAsync(CancellationToken.None));
        Assert.NotEqual(firstBroker, secondBroker);
        Assert.True(fleet.Process.IsRunning, fleet.Process.Tail());
    }

    [Fact]
    public async Task A_fleet_killed_outright_finds_the_mosquitto_it_left_behind_at_its_next_start_and_replaces_it()
    {
        using var fleetData = new TemporaryDirectory("edgenode-e2e-supervised-");
        await using FleetUnderTest fleet = await FleetUnderTest.StartSupervisedAsync(
            fleetData.File("data"), $"Data Source={fleetData.File("fleet.db")}");
        int orphan = await BrokerPidAsync(fleet);
        Assert.True(orphan > 0, await fleet.HealthAsync());

        await fleet.Process.KillAsync();
        Assert.True(Directory.Exists($"/proc/{orphan}"), "expected the SIGKILLed fleet's mosquitto to outlive it");
        await fleet.StartAsync();

        int replacement = await BrokerPidAsync(fleet);
        Assert.True(replacement > 0 && replacement != orphan, await fleet.HealthAsync());
        Assert.False(Directory.Exists($"/proc/{orphan}") && !File.ReadAllText($"/proc/{orphan}/stat").Contains(") Z ", StringComparison.Ordinal),
            $"the left-behind mosquitto (pid {orphan}) still runs");
        Assert.Contains("an earlier run of the fleet left running", fleet.Process.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ctrl_c_in_the_fleets_terminal_reaches_the_fleet_alone_which_stops_its_unprivileged_broker_once_without_restarting_it()
    {
        using var fleetData = new TemporaryDirectory("edgenode-e2e-supervised-");
        await using FleetUnderTest fleet = await FleetUnderTest.StartSupervisedAsync(
            fleetData.File("data"), $"Data Source={fleetData.File("fleet.db")}", ownSession: true);
        int broker = await BrokerPidAsync(fleet);
        int fleetPid = fleet.Process.ProcessId ?? throw new InvalidOperationException("the fleet is not running");

        Assert.NotEqual(ProcessGroup(fleetPid), ProcessGroup(broker));
        // Mosquitto drops to an unprivileged user when started as root (as the demo and CI run the fleet).
        int fleetUser = RealUser(fleetPid), brokerUser = RealUser(broker);
        Assert.True(fleetUser == 0 ? brokerUser != 0 : brokerUser == fleetUser, $"the fleet runs as uid {fleetUser}, its broker as uid {brokerUser}");

        fleet.Process.InterruptGroup();
        int exitCode = await fleet.Process.WaitForExitAsync(TimeSpan.FromMinutes(1));

        string output = fleet.Process.Output;
        Assert.True(exitCode == 0, $"the fleet exited with {exitCode}:\n{fleet.Process.Tail()}");
        Assert.Single(Regex.Matches(output, @"Mosquitto \(pid \d+\) stopped with the fleet"));
        Assert.Contains($"Mosquitto (pid {broker}) stopped with the fleet", output, StringComparison.Ordinal);
        Assert.DoesNotContain("starting it again", output, StringComparison.Ordinal);
        Assert.Single(Regex.Matches(output, @"Mosquitto running \(pid"));
        Assert.False(Directory.Exists($"/proc/{broker}"), $"mosquitto (pid {broker}) still runs after the fleet stopped");
    }

    /// <summary>The process group, field 5 of /proc/PID/stat (after the command name in parentheses).</summary>
    private static int ProcessGroup(int pid)
    {
        string stat = File.ReadAllText($"/proc/{pid}/stat");
        string[] fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return int.Parse(fields[2], System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The real user id, the first number of the "Uid:" line of /proc/PID/status.</summary>
    private static int RealUser(int pid)
    {
        string line = File.ReadLines($"/proc/{pid}/status").First(line => line.StartsWith("Uid:", StringComparison.Ordinal));
        return int.Parse(line.Split((char[])['\t', ' '], StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The pid /health reports for a running broker, waiting (up to a minute) until it reports one.</summary>
    private static async Task<int> BrokerPidAsync(FleetUnderTest fleet)
    {
        DateTime deadline = DateTime.UtcNow + TimeSpan.FromMinutes(1);
        string health = "";
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                health = await fleet.HealthAsync();
                Match running = RunningBroker().Match(health);
                if (running.Success)
                {
                    return int.Parse(running.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Kestrel may start listening a moment after ingest does, and a busy machine may answer slowly: the
                // deadline above decides.
                health = e.Message;
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"The fleet's /health never showed a running broker; last: {health}\n{fleet.Process.Tail()}");
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string what, FleetUnderTest fleet, NodeUnderTest node)
    {
        DateTime deadline = DateTime.UtcNow + TimeSpan.FromMinutes(2);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"waited in vain for {what}.\nFleet:\n{fleet.Process.Tail()}\nNode:\n{node.Process.Tail()}");
            await Task.Delay(200);
        }
    }

    [GeneratedRegex(@"broker: Healthy: running \(pid (\d+)\)")]
    private static partial Regex RunningBroker();
}

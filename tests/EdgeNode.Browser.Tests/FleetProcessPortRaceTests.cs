using System.Net;
using System.Net.Sockets;
using EdgeNode.TestSupport;

namespace EdgeNode.Browser.Tests;

/// <summary>
/// The harness's fleet when another process takes its broker's port between the choice and Mosquitto's bind: the
/// fleet would restart its Mosquitto on it forever, and enrolment in the pages would fail; it starts again on others.
/// </summary>
public sealed class FleetProcessPortRaceTests
{
    [Fact]
    public async Task A_fleet_whose_broker_port_is_taken_starts_on_another_and_its_broker_runs()
    {
        // Mosquitto listens on every address, so a squatter on any of them keeps it out.
        using var squatter = new TcpListener(IPAddress.Any, 0);
        squatter.Start();
        int taken = ((IPEndPoint)squatter.LocalEndpoint).Port;
        // Chosen in pairs, HTTP then broker.
        var ports = new Queue<int>([LoopbackPort.Free(), taken]);

        await using FleetProcess fleet = await FleetProcess.StartAsync(choosePort: () => ports.TryDequeue(out int next) ? next : LoopbackPort.Free());

        Assert.Empty(ports);
        Assert.NotEqual(taken, fleet.BrokerPort);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        Assert.Contains("broker: Healthy: running", await http.GetStringAsync(fleet.Url("/health")), StringComparison.Ordinal);
    }
}

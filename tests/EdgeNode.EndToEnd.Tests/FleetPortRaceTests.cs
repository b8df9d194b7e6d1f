using System.Net;
using System.Net.Sockets;
using EdgeNode.TestSupport;

namespace EdgeNode.EndToEnd.Tests;

/// <summary>
/// The fleet's start when other processes take its ports between the choice and the bind: first its HTTP port
/// (Kestrel stops), then its broker's (the fleet would restart its Mosquitto on it forever). It starts again on other
/// ports rather than failing the test that wanted a fleet.
/// </summary>
public sealed class FleetPortRaceTests
{
    [Fact]
    public async Task A_fleet_whose_HTTP_then_broker_port_are_taken_starts_on_others_and_its_broker_runs()
    {
        using var httpSquatter = new TcpListener(IPAddress.Loopback, 0);
        httpSquatter.Start();
        int takenHttp = ((IPEndPoint)httpSquatter.LocalEndpoint).Port;
        // Mosquitto listens on every address, so a squatter on any of them keeps it out.
        using var brokerSquatter = new TcpListener(IPAddress.Any, 0);
        brokerSquatter.Start();
        int takenBroker = ((IPEndPoint)brokerSquatter.LocalEndpoint).Port;
        // Chosen in pairs, HTTP then broker: the first start loses its HTTP port, the second its broker's.
        var ports = new Queue<int>([takenHttp, LoopbackPort.Free(), LoopbackPort.Free(), takenBroker]);
        using var fleetData = new TemporaryDirectory("edgenode-e2e-port-race-");

        await using FleetUnderTest fleet = await FleetUnderTest.StartSupervisedAsync(
            fleetData.File("data"), $"Data Source={fleetData.File("fleet.db")}",
            choosePort: () => ports.TryDequeue(out int next) ? next : LoopbackPort.Free());

        Assert.Empty(ports);
        Assert.DoesNotContain($":{takenHttp}", fleet.Url, StringComparison.Ordinal);
        Assert.NotEqual(takenBroker, fleet.TlsPort);
        Assert.Contains("broker: Healthy: running", await fleet.HealthAsync(), StringComparison.Ordinal);
    }
}

using System.Net;
using System.Net.Sockets;
using EdgeNode.Fleet.Broker.Supervision;
using EdgeNode.TestSupport;
using Xunit.Abstractions;

namespace EdgeNode.Fleet.Tests.Broker.Supervision;

/// <summary>
/// The supervised broker's start when another process takes its port between the choice and Mosquitto's bind: the
/// supervisor would retry that port forever, so the fixture starts again on another rather than failing the test.
/// </summary>
public sealed class SupervisedBrokerPortRaceTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_supervised_broker_whose_first_port_is_taken_starts_on_another_and_runs()
    {
        // Mosquitto listens on every address, so a squatter on any of them keeps it out.
        using var squatter = new TcpListener(IPAddress.Any, 0);
        squatter.Start();
        int taken = ((IPEndPoint)squatter.LocalEndpoint).Port;
        var ports = new Queue<int>([taken]);

        await using SupervisedBroker broker = await SupervisedBroker.StartAsync(
            output, choosePort: () => ports.TryDequeue(out int first) ? first : LoopbackPort.Free());

        Assert.Empty(ports);
        Assert.NotEqual(taken, broker.TlsPort);
        BrokerState running = await broker.WaitUntilRunningAsync();
        Assert.Contains($"{broker.TlsPort}", running.Description, StringComparison.Ordinal);
    }
}

using System.Net;
using System.Net.Sockets;
using EdgeNode.Fleet.Broker.Supervision;
using EdgeNode.TestSupport;
using Xunit.Abstractions;

namespace EdgeNode.Fleet.Tests.Broker.Supervision;

public sealed class BrokerRestartTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_mosquitto_that_cannot_start_is_reported_with_its_reason_and_retried_until_it_runs()
    {
        int port = LoopbackPort.Free();
        var squatter = new TcpListener(IPAddress.Any, port);
        squatter.Start();
        await using SupervisedBroker broker = await SupervisedBroker.StartAsync(output, tlsPort: port);
        try
        {
            BrokerState failing = await broker.WaitForStateAsync(state => state.Phase == BrokerPhase.Restarting, "restarting");

            Assert.Contains("exited with code", failing.Description, StringComparison.Ordinal);
            Assert.Contains("Address already in use", failing.Description, StringComparison.Ordinal);
        }
        finally
        {
            squatter.Stop();
        }

        BrokerState running = await broker.WaitUntilRunningAsync();
        Assert.NotNull(running.ProcessId);
    }
}

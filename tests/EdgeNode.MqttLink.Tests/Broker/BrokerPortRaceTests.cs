using System.Net;
using System.Net.Sockets;
using EdgeNode.TestSupport;
using Xunit.Abstractions;

namespace EdgeNode.MqttLink.Tests.Broker;

/// <summary>
/// The test broker's start when another process takes its port between the choice and Mosquitto's bind: it starts on
/// another port rather than failing, or (worse) taking the squatter for itself.
/// </summary>
public sealed class BrokerPortRaceTests(ITestOutputHelper output)
{
    private readonly RecordingLogger<MqttClient> _logger = new(output.WriteLine);

    [Fact]
    public async Task A_broker_whose_first_port_is_taken_starts_on_another_and_answers_MQTT()
    {
        using var squatter = new TcpListener(IPAddress.Loopback, 0);
        squatter.Start();
        int taken = ((IPEndPoint)squatter.LocalEndpoint).Port;
        var ports = new Queue<int>([taken]);

        await using MosquittoBroker broker = await LoopbackPort.StartOnFreePortAsync(
            port => MosquittoBroker.StartAsync(port: port),
            () => ports.TryDequeue(out int first) ? first : LoopbackPort.Free());

        Assert.NotEqual(taken, broker.Port);
        Assert.True(broker.IsRunning);
        await using MqttClient client = await Clients.StartedAsync(Clients.Options(broker.Host, broker.Port, "after-race"), new Inbox(), _logger);
        Assert.True(client.State.IsConnected);
    }

    [Fact]
    public async Task A_broker_on_a_fixed_port_someone_holds_says_the_port_is_taken()
    {
        using var squatter = new TcpListener(IPAddress.Loopback, 0);
        squatter.Start();
        int taken = ((IPEndPoint)squatter.LocalEndpoint).Port;

        PortTakenException refusal = await Assert.ThrowsAsync<PortTakenException>(() => MosquittoBroker.StartAsync(port: taken));

        Assert.Contains($"127.0.0.1:{taken}", refusal.Message);
        Assert.Contains("another process holds it", refusal.Message);
    }
}

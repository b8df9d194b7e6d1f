using EdgeNode.TestSupport;
using Xunit.Abstractions;

namespace EdgeNode.MqttLink.Tests.Broker;

public sealed class ConnectionFailureTests(ITestOutputHelper output)
{
    private readonly RecordingLogger<MqttClient> _logger = new(output.WriteLine);

    [Fact]
    public async Task Wrong_credentials_are_reported_as_refused_and_right_ones_connect()
    {
        using var files = new TemporaryDirectory();
        string passwords = files.File("passwords");
        await MosquittoPasswordFile.CreateAsync(passwords, "node-1", "right");
        await using MosquittoBroker broker = await MosquittoBroker.StartAsync($"allow_anonymous false\npassword_file {passwords}");

        MqttClientOptions wrong = Clients.Options(broker.Host, broker.Port, "node-1", username: "node-1", password: "wrong");
        await using var refused = new MqttClient(wrong, new Inbox().Handle, _logger);
        await refused.StartAsync();
        MqttConnectionState state = await Clients.StateAsync(refused, s => s.LastFailure != MqttConnectionFailure.None);
        output.WriteLine($"wrong password: {state.LastFailure} ({state.LastFailureDetail})");
        // Mosquitto 2.0.11 answers a wrong password with 0x87 under MQTT 5 as well (not 0x86).
        Assert.Equal(MqttConnectionFailure.NotAuthorised, state.LastFailure);
        Assert.Contains("CONNACK 0x87", state.LastFailureDetail);
        Assert.False(refused.State.IsConnected);

        MqttClientOptions right = Clients.Options(broker.Host, broker.Port, "node-1b", username: "node-1", password: "right");
        await using MqttClient accepted = await Clients.StartedAsync(right, new Inbox(), _logger);
        Assert.True(accepted.State.IsConnected);
    }

    [Fact]
    public async Task The_client_keeps_retrying_an_unreachable_broker_and_connects_once_it_is_up()
    {
        int port = LoopbackPort.Free();
        int attempts = 0;
        await using var client = new MqttClient(Clients.Options("127.0.0.1", port, "patient"), new Inbox().Handle, _logger);
        client.StateChanged += state =>
        {
            if (state.LastFailure == MqttConnectionFailure.Unreachable && !state.IsConnected)
            {
                Interlocked.Increment(ref attempts);
            }
        };
        await client.StartAsync();
        MqttConnectionState state = await Clients.StateAsync(client, s => s.LastFailure == MqttConnectionFailure.Unreachable);
        Assert.False(state.IsConnected);
        while (Volatile.Read(ref attempts) < 3)
        {
            await Task.Delay(50).WaitAsync(Patience.Long);
        }

        await using MosquittoBroker broker = await MosquittoBroker.StartAsync(port: port);
        await client.WaitUntilConnectedAsync(new CancellationTokenSource(Patience.Long).Token);
        Assert.True(client.State.IsConnected);
        // One warning for the episode, the retries at Debug: not one line per attempt in the journal.
        Assert.Single(_logger.Entries, entry => entry.Level == Microsoft.Extensions.Logging.LogLevel.Warning && entry.Message.Contains("cannot connect"));
    }
}

using EdgeNode.TestSupport;
using Xunit.Abstractions;

namespace EdgeNode.MqttLink.Tests.Broker;

public sealed class ConnectedStateTests(ITestOutputHelper output)
{
    private readonly RecordingLogger<MqttClient> _logger = new(output.WriteLine);

    /// <summary>
    /// The node's sync loop waits for the connection, then checks State.IsConnected before it syncs: a state still
    /// saying "not connected" at that moment skipped the sync for a whole sync interval (seen in the end-to-end tests).
    /// So "connected" is the state, and has been reported, before anyone waiting for the connection goes on.
    /// </summary>
    [Fact]
    public async Task When_waiting_for_the_connection_returns_the_connected_state_is_already_set_and_reported()
    {
        await using MosquittoBroker broker = await MosquittoBroker.StartAsync();
        for (int i = 0; i < 5; i++)
        {
            await using var client = new MqttClient(Clients.Options(broker, $"c{i}", cleanSession: true), new Inbox().Handle, _logger);
            int reported = 0;
            // A slow handler (the node announces its presence from one) makes any gap between signal and state show.
            client.StateChanged += state =>
            {
                if (state.IsConnected)
                {
                    Thread.Sleep(500);
                    Volatile.Write(ref reported, 1);
                }
            };
            await client.StartAsync();
            await client.WaitUntilConnectedAsync(new CancellationTokenSource(Patience.Long).Token);
            Assert.True(client.State.IsConnected);
            Assert.Equal(1, Volatile.Read(ref reported));
        }
    }
}

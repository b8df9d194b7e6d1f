using EdgeNode.TestSupport;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace EdgeNode.Mqtt.Tests.Fakes;

public sealed class MisbehavingBrokerTests(ITestOutputHelper output)
{
    private readonly RecordingLogger<MqttClient> _logger = new(output.WriteLine);

    [Fact]
    public async Task A_malformed_packet_closes_the_connection_with_one_line_naming_the_clause_and_the_client_reconnects()
    {
        await using var fake = new FakeBroker();
        await using var client = new MqttClient(Clients.Options("127.0.0.1", fake.Port, "bad-flags"), new Inbox().Handle, _logger);
        await client.StartAsync();
        var first = await fake.AcceptConnectedAsync();
        await Clients.StateAsync(client, state => state.IsConnected);

        await first.SendAsync("4102000A"); // PUBACK with flags 0001: reserved bits wrong

        var state = await Clients.StateAsync(client, s => s.LastFailure == MqttConnectionFailure.ProtocolViolation);
        Assert.Contains("[MQTT-2.2.2-2]", state.LastFailureDetail);
        var second = await fake.AcceptAsync();
        Assert.Equal(0x10, (await second.ReadPacketAsync()).Header);
        var lines = _logger.Entries.Where(entry => entry.Message.Contains("[MQTT-2.2.2-2]")).ToList();
        Assert.Single(lines);
        Assert.Equal(LogLevel.Warning, lines[0].Level);
        Assert.Empty(_logger.AtLeast(LogLevel.Error));
    }

    [Fact]
    public async Task A_first_packet_other_than_connack_is_a_violation()
    {
        await using var fake = new FakeBroker();
        await using var client = new MqttClient(Clients.Options("127.0.0.1", fake.Port, "no-connack"), new Inbox().Handle, _logger);
        await client.StartAsync();
        var connection = await fake.AcceptAsync();
        await connection.ReadPacketAsync();
        await connection.SendAsync("D000"); // PINGRESP before CONNACK

        var state = await Clients.StateAsync(client, s => s.LastFailure == MqttConnectionFailure.ProtocolViolation);
        Assert.Contains("[MQTT-3.2.0-1]", state.LastFailureDetail);
        Assert.True(_logger.Contains("[MQTT-3.2.0-1]", LogLevel.Warning));
        Assert.Empty(_logger.AtLeast(LogLevel.Error));
    }

    [Fact]
    public async Task A_broker_that_never_answers_pingreq_is_dropped_for_keep_alive_and_the_client_reconnects()
    {
        await using var fake = new FakeBroker();
        var options = Clients.Options("127.0.0.1", fake.Port, "silent", keepAlive: TimeSpan.FromSeconds(1));
        await using var client = new MqttClient(options, new Inbox().Handle, _logger);
        await client.StartAsync();
        var first = await fake.AcceptConnectedAsync();

        var ping = await first.ReadPacketAsync();
        Assert.Equal(0xC0, ping.Header);

        var state = await Clients.StateAsync(client, s => s.LastFailure == MqttConnectionFailure.KeepAliveTimeout);
        Assert.False(state.IsConnected);
        var second = await fake.AcceptAsync();
        Assert.Equal(0x10, (await second.ReadPacketAsync()).Header);
    }

    [Fact]
    public async Task Suback_failure_is_reported_to_the_caller()
    {
        await using var fake = new FakeBroker();
        await using var client = new MqttClient(Clients.Options("127.0.0.1", fake.Port, "refused"), new Inbox().Handle, _logger);
        await client.StartAsync();
        var connection = await fake.AcceptConnectedAsync();
        // Subscribed once connected: called while offline, the filter would also go out with the connect's
        // renewal of remembered subscriptions, and this fake answers only one SUBSCRIBE.
        await Clients.StateAsync(client, state => state.IsConnected);

        var subscribing = client.SubscribeAsync([new MqttSubscription("forbidden/#")]);
        var subscribe = await connection.ReadPacketAsync();
        Assert.Equal(0x82, subscribe.Header);
        var packetId = Convert.ToHexString(subscribe.Body, 0, 2);
        await connection.SendAsync("9003" + packetId + "80");

        var refused = await Assert.ThrowsAsync<MqttSubscriptionRefusedException>(() => subscribing.WaitAsync(Patience.Long));
        Assert.Equal(["forbidden/#"], refused.RefusedFilters);
    }

    [Fact]
    public async Task Incoming_qos1_messages_are_handled_in_order_and_acknowledged_after_the_handler_even_when_it_throws()
    {
        await using var fake = new FakeBroker();
        var handled = new List<string>();
        ValueTask Handler(MqttApplicationMessage message, CancellationToken _)
        {
            lock (handled)
                handled.Add(Clients.Text(message));
            if (Clients.Text(message) == "2")
                throw new InvalidOperationException("handler bug");
            return ValueTask.CompletedTask;
        }
        await using var client = new MqttClient(Clients.Options("127.0.0.1", fake.Port, "receiver"), Handler, _logger);
        await client.StartAsync();
        var connection = await fake.AcceptConnectedAsync();

        // PUBLISH QoS 1 to "t", ids 1..3, payloads "1".."3"; then a DUP copy of id 3 and a QoS 0 message.
        await connection.SendAsync("320600017400" + "01" + "31");
        await connection.SendAsync("320600017400" + "02" + "32");
        await connection.SendAsync("320600017400" + "03" + "33");

        for (var id = 1; id <= 3; id++)
        {
            var ack = await connection.ReadPacketAsync();
            Assert.Equal(0x40, ack.Header);
            Assert.Equal(new byte[] { 0, (byte)id }, ack.Body);
        }
        lock (handled)
            Assert.Equal(["1", "2", "3"], handled);
        Assert.True(_logger.Contains("handler failed", LogLevel.Warning));
        Assert.True(client.State.IsConnected);
    }
}

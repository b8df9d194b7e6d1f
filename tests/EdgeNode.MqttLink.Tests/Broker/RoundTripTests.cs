using EdgeNode.TestSupport;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace EdgeNode.MqttLink.Tests.Broker;

/// <summary>Against a real Mosquitto: what goes in comes out, and nothing is logged as an error.</summary>
public sealed class RoundTripTests(ITestOutputHelper output)
{
    private readonly RecordingLogger<MqttClient> _logger = new(output.WriteLine);

    [Fact]
    public async Task Qos0_and_qos1_round_trip_and_the_wire_is_counted()
    {
        await using MosquittoBroker broker = await MosquittoBroker.StartAsync();
        var inbox = new Inbox();
        await using MqttClient subscriber = await Clients.StartedAsync(
            Clients.Options(broker, "sub", subscriptions: [new MqttSubscription("t/#", MqttQualityOfService.AtLeastOnce)]), inbox, _logger);
        await using MqttClient publisher = await Clients.StartedAsync(Clients.Options(broker, "pub"), new Inbox(), _logger);

        await publisher.PublishAsync(new MqttApplicationMessage("t/zero", Clients.Utf8("zero")));
        await publisher.PublishAsync(new MqttApplicationMessage("t/one", Clients.Utf8("one"), MqttQualityOfService.AtLeastOnce));

        MqttApplicationMessage first = await inbox.NextAsync();
        MqttApplicationMessage second = await inbox.NextAsync();
        Assert.Equal(("t/zero", "zero", MqttQualityOfService.AtMostOnce), (first.Topic, Clients.Text(first), first.QualityOfService));
        Assert.Equal(("t/one", "one", MqttQualityOfService.AtLeastOnce), (second.Topic, Clients.Text(second), second.QualityOfService));

        // CONNECT + 2 PUBLISH at least; CONNACK + PUBACK back.
        Assert.True(publisher.Traffic.BytesSent > 20, $"sent {publisher.Traffic.BytesSent}");
        Assert.True(publisher.Traffic.BytesReceived >= 8, $"received {publisher.Traffic.BytesReceived}");
        output.WriteLine($"publisher sent {publisher.Traffic.BytesSent} B, received {publisher.Traffic.BytesReceived} B");

        await publisher.StopAsync();
        await subscriber.StopAsync();
        Assert.False(publisher.State.IsConnected);
        Assert.Empty(_logger.AtLeast(LogLevel.Error));
    }

    [Fact]
    public async Task A_retained_message_reaches_a_later_subscriber()
    {
        await using MosquittoBroker broker = await MosquittoBroker.StartAsync();
        await using MqttClient publisher = await Clients.StartedAsync(Clients.Options(broker, "retainer"), new Inbox(), _logger);
        await publisher.PublishAsync(new MqttApplicationMessage("config/x", Clients.Utf8("v7"), MqttQualityOfService.AtLeastOnce, Retain: true));

        var inbox = new Inbox();
        await using MqttClient late = await Clients.StartedAsync(Clients.Options(broker, "late", cleanSession: true), inbox, _logger);
        await late.SubscribeAsync([new MqttSubscription("config/#")]);

        MqttApplicationMessage message = await inbox.NextAsync();
        Assert.Equal(("config/x", "v7", true), (message.Topic, Clients.Text(message), message.Retain));
        Assert.Empty(_logger.AtLeast(LogLevel.Error));
    }

    [Fact]
    public async Task Unsubscribe_stops_delivery()
    {
        await using MosquittoBroker broker = await MosquittoBroker.StartAsync();
        var inbox = new Inbox();
        await using MqttClient client = await Clients.StartedAsync(Clients.Options(broker, "unsub", cleanSession: true), inbox, _logger);
        await client.SubscribeAsync([new MqttSubscription("u/a"), new MqttSubscription("u/b")]);
        await client.UnsubscribeAsync(["u/a"]);

        await client.PublishAsync(new MqttApplicationMessage("u/a", Clients.Utf8("gone"), MqttQualityOfService.AtLeastOnce));
        await client.PublishAsync(new MqttApplicationMessage("u/b", Clients.Utf8("kept"), MqttQualityOfService.AtLeastOnce));

        // Mosquitto delivers in order, so anything for u/a would come before the u/b message.
        MqttApplicationMessage message = await inbox.NextAsync();
        Assert.Equal("u/b", message.Topic);
    }
}

using EdgeNode.TestSupport;
using Xunit.Abstractions;

namespace EdgeNode.MqttLink.Tests.Broker;

/// <summary>MQTT 5 session expiry: the broker stops holding a vanished client's queue after SessionExpiry.</summary>
public sealed class SessionExpiryTests(ITestOutputHelper output)
{
    private readonly RecordingLogger<MqttClient> _logger = new(output.WriteLine);

    [Fact]
    public async Task A_session_offline_longer_than_its_expiry_is_forgotten_and_its_queue_with_it()
    {
        await using MosquittoBroker broker = await MosquittoBroker.StartAsync();
        var shortLived = new MqttClientOptions
        {
            Host = broker.Host, Port = broker.Port, ClientId = "brief", Subscriptions = [new MqttSubscription("x/#")],
            SessionExpiry = TimeSpan.FromSeconds(1),
        };
        MqttClient first = await Clients.StartedAsync(shortLived, new Inbox(), _logger);
        await first.StopAsync();
        await first.DisposeAsync();

        await using MqttClient publisher = await Clients.StartedAsync(Clients.Options(broker, "publisher"), new Inbox(), _logger);
        await publisher.PublishAsync(new MqttApplicationMessage("x/queued", Clients.Utf8("while away"), MqttQualityOfService.AtLeastOnce));
        // Mosquitto expires sessions on its housekeeping pass, about once a second.
        await Task.Delay(TimeSpan.FromSeconds(4));

        var inbox = new Inbox();
        await using MqttClient back = await Clients.StartedAsync(shortLived, inbox, _logger);
        await publisher.PublishAsync(new MqttApplicationMessage("x/sentinel", Clients.Utf8("after"), MqttQualityOfService.AtLeastOnce));
        List<MqttApplicationMessage> before = await inbox.UntilAsync(message => message.Topic == "x/sentinel");
        Assert.Empty(before);
    }
}

using EdgeNode.TestSupport;
using Xunit.Abstractions;

namespace EdgeNode.MqttLink.Tests.Broker;

public sealed class WillTests(ITestOutputHelper output)
{
    private readonly RecordingLogger<MqttClient> _logger = new(output.WriteLine);

    [Fact]
    public async Task The_will_is_published_when_the_client_vanishes_without_disconnect()
    {
        await using MosquittoBroker broker = await MosquittoBroker.StartAsync();
        var inbox = new Inbox();
        await using MqttClient watcher = await Clients.StartedAsync(Clients.Options(broker, "watcher", subscriptions: [new MqttSubscription("will/#")]), inbox, _logger);
        var will = new MqttApplicationMessage("will/node", Clients.Utf8("gone"), MqttQualityOfService.AtLeastOnce);
        await using MqttClient mortal = await Clients.StartedAsync(Clients.Options(broker, "mortal", will: will), new Inbox(), _logger);

        mortal.AbortConnection();

        MqttApplicationMessage message = await inbox.NextAsync();
        Assert.Equal(("will/node", "gone"), (message.Topic, Clients.Text(message)));
    }

    [Fact]
    public async Task No_will_after_a_clean_disconnect()
    {
        await using MosquittoBroker broker = await MosquittoBroker.StartAsync();
        var inbox = new Inbox();
        await using MqttClient watcher = await Clients.StartedAsync(Clients.Options(broker, "watcher", subscriptions: [new MqttSubscription("will/#")]), inbox, _logger);
        var will = new MqttApplicationMessage("will/node", Clients.Utf8("gone"), MqttQualityOfService.AtLeastOnce);
        MqttClient polite = await Clients.StartedAsync(Clients.Options(broker, "polite", will: will), new Inbox(), _logger);
        await polite.StopAsync();
        await polite.DisposeAsync();

        // A sentinel published after the disconnect: a will, had there been one, would arrive before it.
        await watcher.PublishAsync(new MqttApplicationMessage("will/sentinel", Clients.Utf8("end"), MqttQualityOfService.AtLeastOnce));
        List<MqttApplicationMessage> before = await inbox.UntilAsync(message => message.Topic == "will/sentinel");
        Assert.Empty(before);
    }
}

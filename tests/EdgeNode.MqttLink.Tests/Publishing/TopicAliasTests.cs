using EdgeNode.TestSupport;
using Xunit.Abstractions;

namespace EdgeNode.MqttLink.Tests.Publishing;

/// <summary>MQTT 5 topic aliases, for sobriety on a metered link: the same topic again costs 2 bytes, not the topic.</summary>
public sealed class TopicAliasTests(ITestOutputHelper output)
{
    private const string Topic = "edge/mairie-12/up/batch";
    private readonly RecordingLogger<MqttClient> _logger = new(output.WriteLine);

    [Fact]
    public async Task Repeated_publishes_on_one_topic_send_fewer_bytes_with_aliases_and_arrive_under_the_full_topic()
    {
        await using MosquittoBroker broker = await MosquittoBroker.StartAsync();
        var inbox = new Inbox();
        await using MqttClient subscriber = await Clients.StartedAsync(Clients.Options(broker, "sink", subscriptions: [new MqttSubscription("edge/#")]), inbox, _logger);

        long withAliases = await BytesForTenPublishesAsync(broker, "aliased", maximumTopicAliases: 8);
        long withoutAliases = await BytesForTenPublishesAsync(broker, "plain", maximumTopicAliases: 0);
        output.WriteLine($"ten publishes: {withAliases} B with aliases, {withoutAliases} B without");
        // The first carries the topic and the alias property (3 B more); the nine after it the alias property
        // instead of the topic's characters (Topic.Length - 3 B less each).
        Assert.Equal(9 * (Topic.Length - 3) - 3, withoutAliases - withAliases);

        for (int i = 0; i < 20; i++)
        {
            Assert.Equal(Topic, (await inbox.NextAsync()).Topic);
        }
    }

    private async Task<long> BytesForTenPublishesAsync(MosquittoBroker broker, string clientId, int maximumTopicAliases)
    {
        MqttClientOptions options = Clients.Options(broker, clientId);
        await using MqttClient client = await Clients.StartedAsync(new MqttClientOptions
        {
            Host = options.Host, Port = options.Port, ClientId = options.ClientId, MaximumTopicAliases = maximumTopicAliases,
        }, new Inbox(), _logger);
        long before = client.Traffic.BytesSent;
        for (int i = 0; i < 10; i++)
        {
            await client.PublishAsync(new MqttApplicationMessage(Topic, new byte[40], MqttQualityOfService.AtLeastOnce));
        }

        return client.Traffic.BytesSent - before;
    }
}

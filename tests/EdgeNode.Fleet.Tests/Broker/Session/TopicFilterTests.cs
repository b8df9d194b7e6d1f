using EdgeNode.Fleet.Broker.Session;

namespace EdgeNode.Fleet.Tests.Broker.Session;

public sealed class TopicFilterTests
{
    [Theory]
    [InlineData("edge/+/up/#", "edge/lamp-1/up/batch")]
    [InlineData("edge/+/up/#", "edge/lamp-1/up")]
    [InlineData("$share/fleet/edge/+/up/#", "edge/lamp-1/up/health")]
    [InlineData("edge/lamp-1/down/config", "edge/lamp-1/down/config")]
    [InlineData("#", "edge/lamp-1/up/batch")]
    [InlineData("edge/+/+/batch", "edge/lamp-1/up/batch")]
    public void A_topic_the_filter_covers_matches(string filter, string topic) => Assert.True(TopicFilter.Matches(filter, topic));

    [Theory]
    [InlineData("edge/+/up/#", "edge/lamp-1/down/ack")]
    [InlineData("edge/+/up/#", "edge/up/batch")]
    [InlineData("edge/lamp-1/down/config", "edge/lamp-1/down/config/extra")]
    [InlineData("edge/lamp-1/down/config", "edge/lamp-1/down")]
    [InlineData("$share/fleet/edge/+/up/#", "edge/lamp-1/down/ack")]
    [InlineData("#", "$SYS/broker/uptime")]
    [InlineData("+/broker/uptime", "$SYS/broker/uptime")]
    [InlineData("$share/fleet", "fleet")]
    [InlineData("Edge/+/up/#", "edge/lamp-1/up/batch")]
    public void A_topic_outside_the_filter_does_not_match(string filter, string topic) => Assert.False(TopicFilter.Matches(filter, topic));
}

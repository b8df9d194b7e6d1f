using EdgeNode.Protocol.Topics;

namespace EdgeNode.Protocol.Tests;

public sealed class TopicTests
{
    [Theory]
    [InlineData("mairie-12")]
    [InlineData("a")]
    [InlineData("0123456789abcdefghijklmnopqrstuvwxyz-0123456789ab")]
    public void Plain_ids_are_valid(string id)
    {
        if (id.Length > NodeId.MaximumLength)
        {
            Assert.False(NodeId.IsValid(id, out string tooLong));
            Assert.Contains("at most", tooLong);
            return;
        }
        Assert.True(NodeId.IsValid(id, out _));
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("a+b", "'+'")]
    [InlineData("a#", "'#'")]
    [InlineData("a/b", "'/'")]
    [InlineData("a\0b", "U+0000")]
    [InlineData("Mairie", "'M'")]
    [InlineData("-a", "'-'")]
    [InlineData("a-", "'-'")]
    [InlineData("é", "'é'")]
    [InlineData("a b", "' '")]
    public void Ids_that_could_bend_a_topic_are_refused_with_the_reason(string id, string named)
    {
        Assert.False(NodeId.IsValid(id, out string problem));
        Assert.Contains(named, problem);
        Assert.Throws<ArgumentException>(() => EdgeTopics.Status(id));
    }

    [Fact]
    public void Overlong_ids_are_refused() => Assert.False(NodeId.IsValid(new string('a', NodeId.MaximumLength + 1), out _));

    [Fact]
    public void Topics_are_built_and_parsed_back()
    {
        Assert.Equal("edge/n1/up/batch", EdgeTopics.Up("n1", UpChannel.Batch));
        Assert.Equal("edge/n1/down/ack", EdgeTopics.Down("n1", DownChannel.Ack));
        Assert.Equal("edge/n1/down/#", EdgeTopics.AllDown("n1"));

        foreach (UpChannel channel in Enum.GetValues<UpChannel>())
        {
            Assert.True(EdgeTopics.TryParse(EdgeTopics.Up("n1", channel), out ParsedTopic parsed, out _));
            Assert.Equal(new ParsedTopic("n1", TopicKind.Up, channel, default), parsed);
        }
        foreach (DownChannel channel in Enum.GetValues<DownChannel>())
        {
            Assert.True(EdgeTopics.TryParse(EdgeTopics.Down("n1", channel), out ParsedTopic parsed, out _));
            Assert.Equal(new ParsedTopic("n1", TopicKind.Down, default, channel), parsed);
        }
        Assert.True(EdgeTopics.TryParse("edge/n1/status", out ParsedTopic status, out _));
        Assert.Equal(TopicKind.Status, status.Kind);
    }

    [Theory]
    [InlineData("other/n1/up/batch", "not under edge")]
    [InlineData("edge/N1/up/batch", "not allowed")]
    [InlineData("edge/n1/up/secrets", "not a known")]
    [InlineData("edge/n1/up/batch/more", "not a known")]
    [InlineData("edge/n1", "not under edge")]
    public void Unknown_topics_are_named_as_such(string topic, string reason)
    {
        Assert.False(EdgeTopics.TryParse(topic, out _, out string problem));
        Assert.Contains(reason, problem);
    }
}

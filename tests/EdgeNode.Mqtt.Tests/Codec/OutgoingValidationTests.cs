using EdgeNode.Mqtt.Codec;

namespace EdgeNode.Mqtt.Tests.Codec;

public sealed class OutgoingValidationTests
{
    [Theory]
    [InlineData("")]
    [InlineData("a/+")]
    [InlineData("a/#")]
    [InlineData("nul\0char")]
    public void Bad_topic_names_are_refused_before_sending(string topic)
    {
        var error = Assert.Throws<ArgumentException>(() => TopicRules.ValidateTopicName(topic));
        Assert.Contains("[MQTT-", error.Message);
    }

    [Fact]
    public void A_topic_longer_than_65535_utf8_bytes_is_refused()
    {
        // 32,768 two-byte characters: 65,536 bytes, one too many.
        Assert.Throws<ArgumentException>(() => TopicRules.ValidateTopicName(new string('é', 32_768)));
        TopicRules.ValidateTopicName(new string('a', 65_535));
    }

    [Theory]
    [InlineData("a/#/b")]
    [InlineData("a#")]
    [InlineData("a/b+")]
    public void Misplaced_wildcards_in_filters_are_refused(string filter) =>
        Assert.Throws<ArgumentException>(() => TopicRules.ValidateTopicFilter(filter));

    [Theory]
    [InlineData("#")]
    [InlineData("+/b/#")]
    [InlineData("a/+/c")]
    public void Well_placed_wildcards_are_accepted(string filter) => TopicRules.ValidateTopicFilter(filter);

    [Fact]
    public void Payload_past_the_packet_limit_is_refused()
    {
        Assert.Throws<ArgumentException>(() => TopicRules.ValidatePayload(268_435_456));
        TopicRules.ValidatePayload(268_435_455 - 10);
    }

    [Fact]
    public void Options_refuse_an_empty_client_id_for_a_persistent_session_and_a_password_without_user()
    {
        Assert.Throws<ArgumentException>(() => new MqttClient(new MqttClientOptions { Host = "h", ClientId = "" }, (_, _) => ValueTask.CompletedTask));
        Assert.Throws<ArgumentException>(() => new MqttClient(new MqttClientOptions { Host = "h", ClientId = "c", Password = "p" }, (_, _) => ValueTask.CompletedTask));
        Assert.Throws<ArgumentException>(() => new MqttClient(new MqttClientOptions { Host = "h", ClientId = "c\0" }, (_, _) => ValueTask.CompletedTask));
        _ = new MqttClient(new MqttClientOptions { Host = "h", ClientId = "", CleanSession = true }, (_, _) => ValueTask.CompletedTask);
    }

    [Fact]
    public async Task A_qos0_publish_while_offline_says_not_connected()
    {
        await using var client = new MqttClient(new MqttClientOptions { Host = "127.0.0.1", ClientId = "c" }, (_, _) => ValueTask.CompletedTask);
        await Assert.ThrowsAsync<MqttNotConnectedException>(() => client.PublishAsync(new MqttApplicationMessage("t", new byte[] { 1 })));
    }
}

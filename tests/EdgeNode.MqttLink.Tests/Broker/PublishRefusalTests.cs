using EdgeNode.TestSupport;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace EdgeNode.MqttLink.Tests.Broker;

/// <summary>MQTT 5 reason codes: a publish the broker's ACL forbids is refused out loud instead of dropped in silence.</summary>
public sealed class PublishRefusalTests(ITestOutputHelper output)
{
    private readonly RecordingLogger<MqttClient> _logger = new(output.WriteLine);

    [Fact]
    public async Task A_publish_outside_the_clients_acl_throws_with_the_brokers_reason_and_an_allowed_one_completes()
    {
        using var files = new TemporaryDirectory();
        string passwords = files.File("passwords");
        await MosquittoPasswordFile.CreateAsync(passwords, "node-1", "secret");
        string acl = files.File("acl");
        await File.WriteAllTextAsync(acl, "user node-1\ntopic write edge/node-1/#\n");
        await using MosquittoBroker broker = await MosquittoBroker.StartAsync($"allow_anonymous false\npassword_file {passwords}\nacl_file {acl}");

        MqttClientOptions options = Clients.Options(broker.Host, broker.Port, "node-1", username: "node-1", password: "secret");
        await using MqttClient client = await Clients.StartedAsync(options, new Inbox(), _logger);

        MqttPublishRefusedException refused = await Assert.ThrowsAsync<MqttPublishRefusedException>(() =>
            client.PublishAsync(new MqttApplicationMessage("edge/node-2/up", Clients.Utf8("forged"), MqttQualityOfService.AtLeastOnce)));
        output.WriteLine(refused.Message);
        Assert.Equal("NotAuthorized", refused.ReasonCode);
        Assert.Equal("edge/node-2/up", refused.Topic);

        await client.PublishAsync(new MqttApplicationMessage("edge/node-1/up", Clients.Utf8("mine"), MqttQualityOfService.AtLeastOnce));
        Assert.True(client.State.IsConnected);
        Assert.Equal(0, client.InFlightCount);
        Assert.Empty(_logger.AtLeast(LogLevel.Error));
    }
}

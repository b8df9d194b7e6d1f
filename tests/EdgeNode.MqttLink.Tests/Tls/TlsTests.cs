using System.Security.Cryptography.X509Certificates;
using EdgeNode.TestSupport;
using Xunit.Abstractions;

namespace EdgeNode.MqttLink.Tests.Tls;

/// <summary>A Mosquitto TLS listener with a certificate from a CA made in the test.</summary>
public sealed class TlsTests(ITestOutputHelper output)
{
    private readonly RecordingLogger<MqttClient> _logger = new(output.WriteLine);

    [Theory]
    [InlineData(null)]          // name checked against Host, 127.0.0.1 (an IP subject alternative name)
    [InlineData("localhost")]   // name checked against TargetHost
    public async Task Connects_when_the_broker_chains_to_the_pinned_authority(string? targetHost)
    {
        using var files = new TemporaryDirectory();
        using var certificates = TestCertificates.Create();
        await using MosquittoBroker broker = await MosquittoBroker.StartAsync(certificates.WriteMosquittoFiles(files.Path));

        var tls = new MqttTlsOptions(new X509Certificate2Collection(certificates.Authority), targetHost);
        var inbox = new Inbox();
        MqttClientOptions options = Clients.Options(broker.Host, broker.Port, "tls-client", subscriptions: [new MqttSubscription("s/#")], tls: tls);
        await using MqttClient client = await Clients.StartedAsync(options, inbox, _logger);
        await client.PublishAsync(new MqttApplicationMessage("s/x", Clients.Utf8("secret"), MqttQualityOfService.AtLeastOnce));

        Assert.Equal("secret", Clients.Text(await inbox.NextAsync()));
        // TLS records and the handshake are counted: far more than the few dozen MQTT bytes.
        Assert.True(client.Traffic.BytesReceived > 300, $"received {client.Traffic.BytesReceived}");
    }

    [Fact]
    public async Task Refuses_a_broker_whose_certificate_chains_to_another_authority()
    {
        using var files = new TemporaryDirectory();
        using var certificates = TestCertificates.Create();
        using var stranger = TestCertificates.Create("Some Other CA");
        await using MosquittoBroker broker = await MosquittoBroker.StartAsync(certificates.WriteMosquittoFiles(files.Path));

        var tls = new MqttTlsOptions(new X509Certificate2Collection(stranger.Authority));
        await using var client = new MqttClient(Clients.Options(broker.Host, broker.Port, "wary", tls: tls), new Inbox().Handle, _logger);
        await client.StartAsync();

        MqttConnectionState state = await Clients.StateAsync(client, s => s.LastFailure != MqttConnectionFailure.None);
        output.WriteLine(state.LastFailureDetail);
        Assert.Equal(MqttConnectionFailure.TlsFailure, state.LastFailure);
        Assert.Contains("trusted authority", state.LastFailureDetail);
    }

    [Fact]
    public async Task Refuses_a_certificate_that_does_not_name_the_target_host()
    {
        using var files = new TemporaryDirectory();
        using var certificates = TestCertificates.Create();
        await using MosquittoBroker broker = await MosquittoBroker.StartAsync(certificates.WriteMosquittoFiles(files.Path));

        var tls = new MqttTlsOptions(new X509Certificate2Collection(certificates.Authority), "broker.example.org");
        await using var client = new MqttClient(Clients.Options(broker.Host, broker.Port, "picky", tls: tls), new Inbox().Handle, _logger);
        await client.StartAsync();

        MqttConnectionState state = await Clients.StateAsync(client, s => s.LastFailure != MqttConnectionFailure.None);
        Assert.Equal(MqttConnectionFailure.TlsFailure, state.LastFailure);
        Assert.Contains("does not name", state.LastFailureDetail);
    }
}

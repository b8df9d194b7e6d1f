using EdgeNode.MqttLink;
using EdgeNode.TestSupport;

namespace EdgeNode.EndToEnd.Benchmarks.Wire;

/// <summary>
/// What TLS adds, measured with the MQTT client's own counters (which sit under SslStream, so they see TLS records):
/// the same CONNECT and the same QoS 1 publish, once over plain TCP and once to a Mosquitto TLS listener with an
/// ECDSA P-256 certificate signed by a throw-away CA (chain of one, as the fleet's site CA would be).
/// </summary>
internal static class TlsCost
{
    public static async Task<TlsFigures> MeasureAsync(int publishBytes)
    {
        using var files = new TemporaryDirectory("edgenode-wire-tls-");
        using var certificates = TestCertificates.Create();
        await using MosquittoBroker tlsBroker = await MosquittoBroker.StartAsync(certificates.WriteMosquittoFiles(files.Path));
        await using MosquittoBroker plainBroker = await MosquittoBroker.StartAsync();
        ((long Up, long Down) Connect, (long Up, long Down) Publish) plain = await OneConnectionAsync(plainBroker, null, publishBytes);
        ((long Up, long Down) Connect, (long Up, long Down) Publish) tls = await OneConnectionAsync(tlsBroker, new MqttTlsOptions([certificates.Authority]), publishBytes);
        return new TlsFigures(plain.Connect, tls.Connect, plain.Publish, tls.Publish);
    }

    private static async Task<((long Up, long Down) Connect, (long Up, long Down) Publish)> OneConnectionAsync(MosquittoBroker broker, MqttTlsOptions? tls, int publishBytes)
    {
        var options = new MqttClientOptions
        {
            Host = broker.Host,
            Port = broker.Port,
            ClientId = "mairie-12",
            CleanSession = false,
            KeepAlive = TimeSpan.FromMinutes(10),
            Tls = tls,
            Subscriptions = [new MqttSubscription("edge/mairie-12/down/#", MqttQualityOfService.AtLeastOnce)],
        };
        await using var client = new MqttClient(options, (_, _) => ValueTask.CompletedTask);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await client.StartAsync(timeout.Token);
        await client.WaitUntilConnectedAsync(timeout.Token);
        await Task.Delay(300, timeout.Token); // let the SUBACK and any session ticket arrive
        (long Up, long Down) connect = (client.Traffic.BytesSent, client.Traffic.BytesReceived);
        await client.PublishAsync(new MqttApplicationMessage("edge/mairie-12/up/batch", new byte[publishBytes], MqttQualityOfService.AtLeastOnce), timeout.Token);
        await Task.Delay(200, timeout.Token);
        (long Up, long Down) publish = (client.Traffic.BytesSent - connect.Up, client.Traffic.BytesReceived - connect.Down);
        await client.StopAsync(timeout.Token);
        return (connect, publish);
    }
}

/// <summary>Bytes up and down for a connect (CONNECT … SUBACK, plus the TLS handshake) and for one QoS 1 publish + PUBACK.</summary>
internal sealed record TlsFigures((long Up, long Down) PlainConnect, (long Up, long Down) TlsConnect, (long Up, long Down) PlainPublish, (long Up, long Down) TlsPublish);

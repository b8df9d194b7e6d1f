using EdgeNode.Fleet.Broker.Configuration;
using EdgeNode.Fleet.Broker.Tls;

namespace EdgeNode.Fleet.Tests.Broker.Configuration;

public sealed class MosquittoConfigurationWriterTests
{
    private static readonly BrokerTlsFiles Files = new("/data/broker/tls/broker.pem", "/data/broker/tls/broker.key", "/data/broker/tls/site-ca.pem");

    [Fact]
    public void Nodes_and_the_fleet_share_one_TLS_listener_and_there_is_no_plain_one()
    {
        string[] lines = Lines(Configuration());

        Assert.Equal(["listener 8883"], lines.Where(line => line.StartsWith("listener", StringComparison.Ordinal)));
        Assert.Contains("certfile /data/broker/tls/broker.pem", lines);
        Assert.Contains("keyfile /data/broker/tls/broker.key", lines);
        Assert.Contains("cafile /data/broker/tls/site-ca.pem", lines);
        Assert.Contains("tls_version tlsv1.2", lines);
        Assert.Contains("require_certificate false", lines);
        // The TLS options follow the listener, so they are its own.
        Assert.True(Array.IndexOf(lines, "listener 8883") < Array.IndexOf(lines, "certfile /data/broker/tls/broker.pem"));
    }

    [Fact]
    public void Anonymous_clients_are_refused_everywhere_and_packets_are_bounded()
    {
        string[] lines = Lines(Configuration());

        Assert.Contains("allow_anonymous false", lines);
        Assert.DoesNotContain("allow_anonymous true", lines);
        Assert.Contains("per_listener_settings false", lines);
        Assert.Contains("max_packet_size 1048576", lines);
        Assert.Contains("max_queued_messages 100000", lines);
        Assert.Contains("max_queued_bytes 268435456", lines);
        Assert.Contains("persistence_location /data/broker/persistence/", lines);
        Assert.Contains("log_dest stderr", lines);
        Assert.Contains("user edgenode-fleet", lines);
    }

    [Fact]
    public void Extra_lines_are_written_before_the_listeners()
    {
        string[] lines = Lines(Configuration(extra: ["plugin /usr/lib/x86_64-linux-gnu/mosquitto_dynamic_security.so", "plugin_opt_config_file /data/broker/dynsec.json"]));

        Assert.True(Array.IndexOf(lines, "plugin_opt_config_file /data/broker/dynsec.json") < Array.IndexOf(lines, "listener 8883"));
    }

    [Theory]
    [InlineData("allow_anonymous true")]
    [InlineData("listener 1884")]
    [InlineData("  listener 1884 0.0.0.0")]
    [InlineData("per_listener_settings true")]
    [InlineData("require_certificate false\nlistener 1")]
    public void Extra_lines_cannot_open_listeners_or_let_anonymous_clients_in(string line)
    {
        ArgumentException refusal = Assert.Throws<ArgumentException>(() => MosquittoConfigurationWriter.Render(Configuration(extra: [line])));

        Assert.Contains("extra Mosquitto configuration line", refusal.Message, StringComparison.Ordinal);
    }

    private static MosquittoConfiguration Configuration(IReadOnlyList<string>? extra = null) =>
        new(8883, Files, "/data/broker/persistence", "edgenode-fleet", extra ?? []);

    private static string[] Lines(MosquittoConfiguration configuration) =>
        MosquittoConfigurationWriter.Render(configuration).Split('\n', StringSplitOptions.TrimEntries);
}

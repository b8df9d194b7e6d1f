using EdgeNode.MqttLink.Publishing;

namespace EdgeNode.MqttLink;

/// <summary>How to reach and talk to the broker. Checked once, when the client is constructed.</summary>
public sealed class MqttClientOptions
{
    public required string Host { get; init; }
    public int Port { get; init; } = 1883;

    /// <summary>Must be stable across restarts for a persistent session to be found again.</summary>
    public required string ClientId { get; init; }

    public string? Username { get; init; }
    public string? Password { get; init; }

    /// <summary>
    /// False (the default) keeps the broker-side session: subscriptions and queued QoS 1 messages
    /// survive while we are offline, and our unacknowledged publishes are sent again.
    /// </summary>
    public bool CleanSession { get; init; }

    /// <summary>
    /// How long the broker keeps a persistent session after we went offline (MQTT 5 session expiry, whole seconds).
    /// A node gone for longer (decommissioned, or dead for a week) stops holding queued messages on the broker;
    /// what matters is kept anyway (the node's outbox, the fleet's retained configuration). Ignored with CleanSession.
    /// </summary>
    public TimeSpan SessionExpiry { get; init; } = TimeSpan.FromDays(7);

    /// <summary>Zero turns keep-alive off. Sent to the broker in whole seconds (at most 65,535).</summary>
    public TimeSpan KeepAlive { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Published by the broker if we vanish without DISCONNECT.</summary>
    public MqttApplicationMessage? Will { get; init; }

    public MqttTlsOptions? Tls { get; init; }

    /// <summary>TCP connect, TLS handshake and CONNACK together.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(15);

    public TimeSpan ReconnectMinimumDelay { get; init; } = TimeSpan.FromSeconds(1);
    public TimeSpan ReconnectMaximumDelay { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Subscribed after every connect (together with those added by SubscribeAsync).</summary>
    public IList<MqttSubscription> Subscriptions { get; init; } = new List<MqttSubscription>();

    /// <summary>QoS 1 publishes awaiting PUBACK; further publishes wait for a slot.</summary>
    public int MaximumInFlight { get; init; } = 64;

    /// <summary>
    /// MQTT 5 topic aliases for our publishes, up to this many topics per connection (and no more than the broker
    /// allows): after a topic's first publish, the next ones carry a 2-byte alias instead of the topic. Zero turns them off.
    /// </summary>
    public int MaximumTopicAliases { get; init; } = 8;

    internal void Validate()
    {
        if (string.IsNullOrWhiteSpace(Host))
        {
            throw new ArgumentException("MQTT Host is empty: set the broker's host name or address.");
        }

        if (Port is < 1 or > 65535)
        {
            throw new ArgumentException($"MQTT Port {Port} is not a TCP port (1-65535).");
        }

        ValidateClientId();
        if (Password is not null && Username is null)
        {
            throw new ArgumentException("MQTT Password is set without Username: set Uplink:Username too, or remove the password.");
        }

        if (KeepAlive < TimeSpan.Zero || KeepAlive.TotalSeconds > ushort.MaxValue)
        {
            throw new ArgumentException($"MQTT KeepAlive {KeepAlive} must be between 0 and 65,535 seconds.");
        }

        if (Will is not null)
        {
            TopicNames.ValidateTopicName(Will.Topic);
        }

        if (SessionExpiry < TimeSpan.Zero || SessionExpiry.TotalSeconds > uint.MaxValue)
        {
            throw new ArgumentException($"MQTT SessionExpiry {SessionExpiry} must be between 0 and {uint.MaxValue:N0} seconds.");
        }

        if (Tls is not null && Tls.TrustedAuthorities.Count == 0)
        {
            throw new ArgumentException("MQTT Tls.TrustedAuthorities is empty: give the CA certificate(s) the broker's certificate chains to.");
        }

        if (ConnectTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentException("MQTT ConnectTimeout must be positive.");
        }

        if (ReconnectMinimumDelay <= TimeSpan.Zero || ReconnectMaximumDelay < ReconnectMinimumDelay)
        {
            throw new ArgumentException("MQTT reconnect delays must be positive, with the maximum at least the minimum.");
        }

        foreach (MqttSubscription subscription in Subscriptions)
        {
            TopicNames.ValidateTopicFilter(subscription.TopicFilter);
        }

        if (MaximumInFlight is < 1 or > 65_000)
        {
            throw new ArgumentException("MQTT MaximumInFlight must be between 1 and 65,000 (packet ids are 16-bit).");
        }

        if (MaximumTopicAliases is < 0 or > ushort.MaxValue)
        {
            throw new ArgumentException("MQTT MaximumTopicAliases must be between 0 and 65,535.");
        }
    }

    private void ValidateClientId()
    {
        if (ClientId is null)
        {
            throw new ArgumentException("MQTT ClientId is null.");
        }
        // A zero-length id asks the broker to invent one, which only makes sense for a clean session [MQTT-3.1.3-7].
        if (ClientId.Length == 0 && !CleanSession)
        {
            throw new ArgumentException("MQTT ClientId is empty but CleanSession is false; a persistent session needs a stable id [MQTT-3.1.3-7].");
        }
    }
}

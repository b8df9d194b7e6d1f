using EdgeNode.Fleet.Broker.Tls;

namespace EdgeNode.Fleet.Broker.Configuration;

/// <summary>Everything the supervised broker's configuration file is made from.</summary>
/// <param name="TlsPort">The only listener: TLS, on every address, for the nodes and the fleet alike.</param>
/// <param name="Tls">Certificate, key and CA files.</param>
/// <param name="PersistenceDirectory">Where Mosquitto keeps sessions and queued messages across restarts.</param>
/// <param name="RunAsUser">
/// The user Mosquitto stays, or becomes when started as root: the fleet's own, or when the fleet is root an unprivileged
/// account given just what it needs (Supervision.BrokerAccount).
/// </param>
/// <param name="ExtraLines">From the <see cref="IMosquittoConfigurationPart"/>s.</param>
public sealed record MosquittoConfiguration(
    int TlsPort,
    BrokerTlsFiles Tls,
    string PersistenceDirectory,
    string RunAsUser,
    IReadOnlyList<string> ExtraLines)
{
    /// <summary>
    /// Mosquitto's max_packet_size. Our payloads are at most 256 KiB (PayloadLimits.MaximumPayloadBytes); 1 MiB leaves
    /// room for topic and headers, and lets a payload somewhat over our limit still reach the fleet, which files it as
    /// a dead letter the operator can see instead of the node being cut off without a trace. MQTT itself allows
    /// 256 MB packets: without this, any client with a credential could make the broker buffer that much per connection.
    /// </summary>
    public const int MaximumPacketBytes = 1024 * 1024;

    /// <summary>QoS 1 messages the broker keeps for one client that is behind (Mosquitto's default, 1000, is too few for the fleet).</summary>
    public const int MaximumQueuedMessages = 100_000;

    /// <summary>And at most this many bytes of them per client, whichever comes first.</summary>
    public const long MaximumQueuedBytes = 256L * 1024 * 1024;
}

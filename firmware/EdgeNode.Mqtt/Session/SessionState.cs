namespace EdgeNode.Mqtt.Session;

/// <summary>
/// What outlives a single network connection (3.1.2.4, "Session State" on the client side): unacknowledged
/// QoS 1 publishes, the packet ids they hold, and the subscriptions we want. Kept in memory only: a process
/// restart loses in-flight publishes, which is why callers that need durability keep their own outbox.
/// </summary>
internal sealed class SessionState
{
    public SessionState(MqttClientOptions options)
    {
        Identifiers = new PacketIdentifierPool();
        Publishes = new OutgoingPublishes(Identifiers, options.MaximumInFlight);
        Subscriptions = new SubscriptionRegistry(options.Subscriptions);
    }

    public PacketIdentifierPool Identifiers { get; }
    public OutgoingPublishes Publishes { get; }
    public PendingRequests Requests { get; } = new();
    public SubscriptionRegistry Subscriptions { get; }
}

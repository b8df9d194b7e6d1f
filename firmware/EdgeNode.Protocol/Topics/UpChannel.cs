namespace EdgeNode.Protocol.Topics;

/// <summary>What a node publishes, under <c>edge/{nodeId}/up/…</c>.</summary>
public enum UpChannel
{
    /// <summary>Closed windows and buffer reports, QoS 1, deleted on the node only after the fleet's ack.</summary>
    Batch,

    /// <summary>The node's vitals, at each sync.</summary>
    Health,

    /// <summary>A pollution alert raised or cleared, sent at once.</summary>
    Alert,

    /// <summary>The node saying which configuration it applied.</summary>
    Ack,
}

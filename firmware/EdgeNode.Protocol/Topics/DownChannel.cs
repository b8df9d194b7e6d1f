namespace EdgeNode.Protocol.Topics;

/// <summary>What the fleet publishes to one node, under <c>edge/{nodeId}/down/…</c>.</summary>
public enum DownChannel
{
    /// <summary>The node's configuration, retained, versioned by a revision number.</summary>
    Config,

    /// <summary>The fleet's end-to-end acknowledgement of a batch or an alert, once committed.</summary>
    Ack,

    /// <summary>Reserved for firmware updates (not defined yet).</summary>
    Update,
}

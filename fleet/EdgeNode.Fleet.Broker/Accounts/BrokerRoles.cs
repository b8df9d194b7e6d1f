using EdgeNode.Protocol.Topics;

namespace EdgeNode.Fleet.Broker.Accounts;

/// <summary>
/// The roles the fleet gives out, and exactly what each may do. Everything not listed is denied: the plugin's
/// default access is deny for all four kinds of check (<see cref="DynamicSecurityFile"/>).
/// <para>
/// Mosquitto 2.0's plugin matches ACL topics literally: it has no <c>%c</c>/<c>%u</c> substitution (that arrived
/// after 2.0; a test shows it). So a node cannot share one "edge-node" role written with <c>edge/%c/…</c>; each node
/// gets its own role naming its own branch, created and deleted with the node.
/// </para>
/// </summary>
public static class BrokerRoles
{
    /// <summary>Administers the plugin and nothing else: no access to the nodes' topics.</summary>
    public const string Admin = "edgenode-admin";

    /// <summary>The fleet's own accounts: read every node's up and status, write every node's down.</summary>
    public const string Fleet = "edge-fleet";

    /// <summary>Every node role's name starts so; the rest is the node id.</summary>
    public const string NodeRolePrefix = "edge-node.";

    public const string ControlTopic = "$CONTROL/dynamic-security/v1";
    public const string ControlResponseTopic = "$CONTROL/dynamic-security/v1/response";

    public static string NodeRole(string nodeId) => NodeRolePrefix + NodeId.Require(nodeId);

    /// <summary>A node publishes only its own up and status, and subscribes to and receives only its own down.</summary>
    public static IReadOnlyList<RoleAcl> NodeAcls(string nodeId)
    {
        string up = $"{EdgeTopics.Root}/{NodeId.Require(nodeId)}/up/#";
        string down = EdgeTopics.AllDown(nodeId);
        return
        [
            new(AclType.PublishClientSend, up),
            new(AclType.PublishClientSend, EdgeTopics.Status(nodeId)),
            new(AclType.SubscribePattern, down),
            new(AclType.UnsubscribePattern, down),
            new(AclType.PublishClientReceive, down),
        ];
    }

    /// <summary>
    /// The subscribe check sees the filter as the client sent it, so a shared subscription is checked as
    /// <c>$share/{group}/edge/+/up/#</c> (any group: instances choose theirs); delivery is checked on the real topic.
    /// </summary>
    public static IReadOnlyList<RoleAcl> FleetAcls { get; } =
    [
        new(AclType.SubscribePattern, $"$share/+/{EdgeTopics.AllUp}"),
        new(AclType.SubscribePattern, EdgeTopics.AllUp),
        new(AclType.SubscribePattern, $"$share/+/{EdgeTopics.AllStatus}"),
        new(AclType.SubscribePattern, EdgeTopics.AllStatus),
        new(AclType.UnsubscribePattern, $"$share/+/{EdgeTopics.AllUp}"),
        new(AclType.UnsubscribePattern, EdgeTopics.AllUp),
        new(AclType.UnsubscribePattern, $"$share/+/{EdgeTopics.AllStatus}"),
        new(AclType.UnsubscribePattern, EdgeTopics.AllStatus),
        new(AclType.PublishClientReceive, EdgeTopics.AllUp),
        new(AclType.PublishClientReceive, EdgeTopics.AllStatus),
        new(AclType.PublishClientSend, $"{EdgeTopics.Root}/+/down/#"),
    ];

    /// <summary>The plugin's control topics only.</summary>
    public static IReadOnlyList<RoleAcl> AdminAcls { get; } =
    [
        new(AclType.PublishClientSend, "$CONTROL/dynamic-security/#"),
        new(AclType.SubscribePattern, "$CONTROL/dynamic-security/#"),
        new(AclType.UnsubscribePattern, "$CONTROL/dynamic-security/#"),
        new(AclType.PublishClientReceive, "$CONTROL/dynamic-security/#"),
    ];
}

using EdgeNode.Fleet.Localisation;

namespace EdgeNode.Fleet.Registry;

/// <summary>One change <see cref="RegistryReconciler"/> made at the broker so that it matches the registry.</summary>
/// <param name="Node">The account's user name: a node id.</param>
/// <param name="Action">What was done, as the audit log names it: <see cref="DeleteOrphan"/>, <see cref="Disable"/> or <see cref="Enable"/>.</param>
/// <param name="Reason">Why, for the log.</param>
public sealed record BrokerAccountRepair(string Node, string Action, string Reason)
{
    /// <summary>The broker had an account for a node the registry does not hold: access nobody granted.</summary>
    public const string DeleteOrphan = "broker.delete-orphan";

    /// <summary>The registry shows the node disabled and the broker let it in.</summary>
    public const string Disable = "broker.disable";

    /// <summary>The registry shows the node enabled and the broker refused it.</summary>
    public const string Enable = "broker.enable";

    /// <summary>What the audit page shows (the staff panel is in French).</summary>
    public string AuditDetails => Action switch
    {
        DeleteOrphan => StaffText.French.BrokerOrphanDeletedAudit,
        Disable => StaffText.French.BrokerAccountDisabledAudit,
        Enable => StaffText.French.BrokerAccountEnabledAudit,
        _ => Reason,
    };
}

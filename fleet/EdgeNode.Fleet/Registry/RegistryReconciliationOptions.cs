using EdgeNode.Fleet.Broker;

namespace EdgeNode.Fleet.Registry;

/// <summary>Section "Fleet:Broker", the part about keeping the broker's accounts in step with the node registry.</summary>
public sealed class RegistryReconciliationOptions
{
    public const string SectionName = LocalBrokerOptions.SectionName;

    /// <summary>
    /// How often the registry and the broker's accounts are compared, besides once the broker accepts connections after
    /// the fleet starts and after each restart of the supervised broker.
    /// </summary>
    public TimeSpan ReconcileInterval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>With no comparison succeeding for this long (three checks in a row missed), /health says Unhealthy.</summary>
    public TimeSpan StaleAfter => ReconcileInterval * 3;
}

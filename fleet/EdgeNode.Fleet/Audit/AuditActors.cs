namespace EdgeNode.Fleet.Audit;

public static class AuditActors
{
    /// <summary>The actor of what the fleet did by itself (creating the first admin, locking a user out).</summary>
    public const string System = "system";

    /// <summary>
    /// The actor of the fleet's repairs to the broker's accounts (<see cref="Registry.RegistryReconciler"/>): what it
    /// deleted, disabled or enabled so that the broker matches the node registry.
    /// </summary>
    public const string Fleet = "fleet";
}

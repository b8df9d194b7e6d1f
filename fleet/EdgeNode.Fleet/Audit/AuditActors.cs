namespace EdgeNode.Fleet.Audit;

public static class AuditActors
{
    /// <summary>The actor of what the fleet did by itself (creating the first admin, locking a user out).</summary>
    public const string System = "system";
}

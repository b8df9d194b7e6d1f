namespace EdgeNode.Fleet.Audit;

/// <summary>
/// The audit log: call <see cref="RecordAsync"/> after every staff action that changed something, once the change is
/// made. Entries are kept in the fleet's database and never changed; /staff/audit lists them.
/// </summary>
public interface IAuditLog
{
    /// <summary>Records one action, stamped with the current time.</summary>
    /// <param name="actor">The signed-in user's name (<c>User.Identity.Name</c>), or <see cref="AuditActors.System"/>.</param>
    /// <param name="action">"concern.verb", lower case: "user.create", "node.enrol", "alert.acknowledge".</param>
    /// <param name="target">What was acted on (a user name, a node id), or empty.</param>
    /// <param name="details">Anything else worth knowing ("role technician"); never a password or a secret.</param>
    Task RecordAsync(string actor, string action, string target, string details, CancellationToken ct);

    /// <summary>The newest entries first.</summary>
    /// <param name="beforeId">Only entries older than this one (the next page), or null for the newest.</param>
    Task<IReadOnlyList<AuditEntry>> ReadAsync(int limit, long? beforeId, CancellationToken ct);
}

namespace EdgeNode.Fleet.Audit;

/// <summary>One staff action that changed something.</summary>
/// <param name="Id">Increasing with time of recording; 0 before it is stored.</param>
/// <param name="At">When it was recorded (UTC, to the microsecond).</param>
/// <param name="Actor">The staff user name, or "system" for what the fleet did by itself.</param>
/// <param name="Action">What was done, as "concern.verb" ("user.create", "node.enrol", "alert.acknowledge").</param>
/// <param name="Target">What it was done to (a user name, a node id), or empty.</param>
/// <param name="Details">Anything else worth knowing, in words; never a secret.</param>
public sealed record AuditEntry(long Id, DateTimeOffset At, string Actor, string Action, string Target, string Details);

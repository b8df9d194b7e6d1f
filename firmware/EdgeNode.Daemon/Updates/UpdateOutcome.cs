namespace EdgeNode.Daemon.Updates;

/// <summary>What happened at the end of an update, for <c>edgenode status</c> and the fleet.</summary>
public sealed record UpdateOutcome(string Version, UpdateResult Result, string Reason, DateTimeOffset At);

namespace EdgeNode.Daemon.Updates;

/// <summary>The node's update state, written whole (temporary file, then rename) at each step.</summary>
/// <param name="Committed">The version that last proved healthy: the one the node always comes back to.</param>
/// <param name="Trial">The version switched to and not yet proven, or null.</param>
/// <param name="TrialSince">When the switch was made: the health gate's deadline counts from here.</param>
/// <param name="TrialStarts">How many times the service has started the trial version (the boot count).</param>
/// <param name="FaultsBeforeTrial">Sensors in fault when the switch was made: the same faults do not fail the gate.</param>
/// <param name="Last">How the last update ended.</param>
public sealed record UpdateState(
    string Committed,
    string? Trial,
    DateTimeOffset? TrialSince,
    int TrialStarts,
    IReadOnlyList<string> FaultsBeforeTrial,
    UpdateOutcome? Last)
{
    public static UpdateState Installed(string version) => new(version, null, null, 0, [], null);
}

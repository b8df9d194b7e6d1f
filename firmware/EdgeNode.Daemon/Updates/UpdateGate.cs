namespace EdgeNode.Daemon.Updates;

/// <summary>What a version on trial must show before it commits (issue 17, step 4).</summary>
public static class UpdateGate
{
    /// <summary>Time from the switch to the proof of health; past it the committed version comes back.</summary>
    public static readonly TimeSpan Deadline = TimeSpan.FromMinutes(10);
}

namespace EdgeNode.Daemon.Updates;

/// <summary>
/// Runs before every start of the service, from the committed version's program (hardware/edgenode.service,
/// ExecStartPre): the version on trial gets <see cref="MaximumStarts"/> starts and <see cref="UpdateGate.Deadline"/>
/// to prove its health, then the committed version comes back, without the fleet and whatever the trial version did.
/// </summary>
public static class BootCheck
{
    /// <summary>A crash or a watchdog kill each cost a start; three is a version that does not run, not bad luck.</summary>
    public const int MaximumStarts = 3;

    /// <summary>What it did, one line for the journal; null when there was nothing to do.</summary>
    public static string? Run(InstallLayout layout, TimeProvider time)
    {
        UpdateState? state = UpdateStateFile.Read(layout);
        if (state is null)
        {
            return null;
        }

        var updates = new ReleaseSwitch(layout, time);
        string? said = null;
        if (state.Trial is { } trial)
        {
            TimeSpan onTrial = time.GetUtcNow() - (state.TrialSince ?? time.GetUtcNow());
            if (state.TrialStarts >= MaximumStarts)
            {
                updates.RollBack($"started {state.TrialStarts} times without proving its health (it crashed or hung)");
                said = $"Version {trial} rolled back to {state.Committed}: started {state.TrialStarts} times without proving its health.";
            }
            else if (onTrial > UpdateGate.Deadline)
            {
                updates.RollBack($"did not prove its health within {UpdateGate.Deadline.TotalMinutes:0} minutes");
                said = $"Version {trial} rolled back to {state.Committed}: no proof of health within {UpdateGate.Deadline.TotalMinutes:0} minutes.";
            }
            else
            {
                state = state with { TrialStarts = state.TrialStarts + 1 };
                UpdateStateFile.Write(layout, state);
                said = $"Starting version {trial} on trial (start {state.TrialStarts} of {MaximumStarts}); {state.Committed} comes back if it does not prove its health.";
            }
        }

        ReleaseLinks.Repair(layout, UpdateStateFile.Read(layout)!);
        return said;
    }
}

using EdgeNode.Releases.Manifest;

namespace EdgeNode.Daemon.Updates;

/// <summary>
/// The steps of an update on the node, each a state write then a link swap, in an order where a power cut between any
/// two leaves a state that <see cref="ReleaseLinks.Repair"/> turns into a whole version starting.
/// </summary>
public sealed class ReleaseSwitch(InstallLayout layout, TimeProvider time)
{
    public UpdateState State => UpdateStateFile.Read(layout) ?? throw new InvalidOperationException($"No update state in {layout.Root}: the node was not installed from a release bundle.");

    /// <summary>Makes <paramref name="version"/> (installed whole in its release directory) the one the next start runs, on trial.</summary>
    public void Switch(string version, IReadOnlyList<string> faultsBefore)
    {
        UpdateState state = State;
        if (state.Trial is not null)
        {
            throw new InvalidOperationException($"Version {state.Trial} is still on trial: it must commit or roll back before {version} can be switched to.");
        }

        if (!File.Exists(Path.Combine(layout.Release(version), ReleaseManifestRules.Program)))
        {
            throw new InvalidOperationException($"{layout.Release(version)} holds no installed release.");
        }

        UpdateStateFile.Write(layout, state with { Trial = version, TrialSince = time.GetUtcNow(), TrialStarts = 0, FaultsBeforeTrial = faultsBefore });
        ReleaseLinks.Point(layout.Current, version);
    }

    /// <summary>The trial version proved healthy: it becomes the one the node comes back to.</summary>
    public void Commit(string version)
    {
        UpdateState state = State;
        if (state.Trial != version)
        {
            throw new InvalidOperationException($"Version {version} is not on trial (trial: {state.Trial ?? "none"}): nothing to commit.");
        }

        string previous = state.Committed;
        UpdateState committed = state with
        {
            Committed = version,
            Trial = null,
            TrialSince = null,
            TrialStarts = 0,
            FaultsBeforeTrial = [],
            Last = new UpdateOutcome(version, UpdateResult.Committed, $"healthy; replaced {previous}", time.GetUtcNow()),
        };
        UpdateStateFile.Write(layout, committed);
        ReleaseLinks.Repair(layout, committed);
        Prune(keep: [version, previous]);
    }

    /// <summary>Abandons the trial version: the committed one runs at the next start. False when nothing was on trial.</summary>
    public bool RollBack(string reason)
    {
        UpdateState state = State;
        if (state.Trial is not { } trial)
        {
            return false;
        }

        UpdateState rolledBack = state with
        {
            Trial = null,
            TrialSince = null,
            TrialStarts = 0,
            FaultsBeforeTrial = [],
            Last = new UpdateOutcome(trial, UpdateResult.RolledBack, reason, time.GetUtcNow()),
        };
        UpdateStateFile.Write(layout, rolledBack);
        ReleaseLinks.Repair(layout, rolledBack);
        Prune(keep: [state.Committed]);
        return true;
    }

    /// <summary>Removes release directories no link or state names any more (an abandoned download, a rolled-back version).</summary>
    private void Prune(IReadOnlyCollection<string> keep)
    {
        foreach (string directory in Directory.EnumerateDirectories(layout.Releases))
        {
            if (!keep.Contains(Path.GetFileName(directory)))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }
}

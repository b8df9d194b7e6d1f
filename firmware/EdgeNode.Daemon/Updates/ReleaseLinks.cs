using EdgeNode.Hardware.Files;

namespace EdgeNode.Daemon.Updates;

/// <summary>Points the <c>current</c> and <c>committed</c> links, each replaced in one rename: never missing, never half.</summary>
public static class ReleaseLinks
{
    public static void Point(string link, string version)
    {
        string target = Path.Combine("releases", version);
        if (InstallLayout.VersionOf(link) == version)
        {
            return;
        }

        string temporary = link + ".new";
        // A link left by a power cut during an earlier attempt.
        File.Delete(temporary);

        // Relative, so that the install directory can be moved (and an emulated node's lives under its data directory).
        File.CreateSymbolicLink(temporary, target);
        AtomicRename.Replace(temporary, link);
    }

    /// <summary>Makes both links say what the state says (after a power cut between a state write and a link swap).</summary>
    public static void Repair(InstallLayout layout, UpdateState state)
    {
        Point(layout.Committed, state.Committed);
        Point(layout.Current, state.Trial ?? state.Committed);
    }
}

using EdgeNode.Releases.Manifest;
using EdgeNode.Releases.Refusals;
using EdgeNode.Releases.Versions;

namespace EdgeNode.Releases.Bundle;

/// <summary>Whether a verified release may go where it is going: the right machine, forward only.</summary>
public static class ReleaseCompatibility
{
    /// <summary>
    /// Throws <see cref="ReleaseBundleException"/> (WrongTarget, NotNewer, BelowMinimumVersion) unless
    /// <paramref name="manifest"/> is built for <paramref name="target"/> and may replace <paramref name="current"/>
    /// (the node's installed version, or the fleet's latest release for that target; null when there is none).
    /// </summary>
    public static void Check(ReleaseManifest manifest, string target, ReleaseVersion? current)
    {
        if (manifest.Target != target)
        {
            throw new ReleaseBundleException(BundleProblem.WrongTarget, $"The release is built for {manifest.Target}, not for {target}.");
        }

        if (current is null)
        {
            return;
        }

        ReleaseVersion version = manifest.ParsedVersion;
        if (version <= current)
        {
            throw new ReleaseBundleException(BundleProblem.NotNewer, $"Version {version} is not newer than {current}: releases only move forward (a lower or equal version could bring back a fixed flaw).");
        }

        if (current < manifest.ParsedMinimumVersion)
        {
            throw new ReleaseBundleException(BundleProblem.BelowMinimumVersion, $"Version {version} may only replace {manifest.MinimumVersion} or later; {current} must first be updated to an intermediate release.");
        }
    }
}

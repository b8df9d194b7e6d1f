using System.Runtime.InteropServices;
using EdgeNode.Releases.Bundle;
using EdgeNode.Releases.Manifest;
using EdgeNode.Releases.Signing;
using EdgeNode.Releases.Versions;

namespace EdgeNode.Daemon.Updates;

/// <summary>
/// Puts a verified release into its own directory beside the running one: extracted into <c>VERSION.partial</c>, each
/// file flushed to the card, then the directory renamed, so that <c>releases/VERSION</c> exists only whole. Nothing
/// of it runs until <see cref="ReleaseSwitch.Switch"/>.
/// </summary>
public static class ReleaseInstaller
{
    /// <summary>The target this program was built for: a node only installs releases for its own.</summary>
    public static string OwnTarget => RuntimeInformation.RuntimeIdentifier;

    /// <summary>
    /// Verifies <paramref name="bundle"/> against <paramref name="trust"/>, this node's target and
    /// <paramref name="installed"/>, and installs it. Throws ReleaseBundleException (nothing left behind) when refused.
    /// </summary>
    public static async Task<ReleaseManifest> InstallAsync(Stream bundle, ReleaseTrust trust, InstallLayout layout, string target, ReleaseVersion? installed, CancellationToken token)
    {
        Directory.CreateDirectory(layout.Releases);
        string partial = Path.Combine(layout.Releases, $"incoming-{Environment.ProcessId}.partial");
        DeleteIfPresent(partial);
        try
        {
            VerifiedRelease release = await ReleaseBundleReader.ReadAsync(bundle, trust, file => Create(partial, file), token);
            ReleaseCompatibility.Check(release.Manifest, target, installed);
            string final = layout.Release(release.Manifest.Version);
            DeleteIfPresent(final);
            Directory.Move(partial, final);
            return release.Manifest;
        }
        finally
        {
            DeleteIfPresent(partial);
        }
    }

    private static FileStream Create(string root, ReleaseFile file)
    {
        string path = Path.Combine(root, file.Path);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Options = FileOptions.WriteThrough };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = file.Executable
                ? UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute
                : UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
        }

        return new FileStream(path, options);
    }

    private static void DeleteIfPresent(string directory)
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}

using System.CommandLine;
using EdgeNode.Daemon.Updates;
using EdgeNode.Releases.Manifest;
using EdgeNode.Releases.Refusals;
using EdgeNode.Releases.Signing;

namespace EdgeNode.Daemon.Commands;

/// <summary>
/// <c>edgenode update install|boot-check</c>: the node's side of releases that a technician or systemd runs
/// (README, "Releasing a node version"). The fleet-driven download and switch come through the running service.
/// </summary>
public static class UpdateCommand
{
    public const string DefaultInstallRoot = "/opt/edgenode";

    /// <summary>Where the public release keys given at installation are kept, under the install root.</summary>
    public const string TrustDirectory = "release-keys";

    public static Command Create(TextWriter output)
    {
        var installRoot = new Option<string>("--install-root") { Description = "Where versions live side by side", DefaultValueFactory = _ => DefaultInstallRoot };
        return new Command("update", "Install a signed release, and the check that runs before each start of the service.")
        {
            Install(output, installRoot),
            BootCheckCommand(output, installRoot),
        };
    }

    private static Command Install(TextWriter output, Option<string> installRoot)
    {
        var bundle = new Argument<string>("bundle") { Description = "The release bundle (.enb) made by 'edgenode release pack'" };
        var trust = new Option<string[]>("--trust") { Description = "A public release key to trust (repeat for several); kept for the updates to come", Required = true };
        var command = new Command("install", "First installation of a node from a signed release bundle: verified, installed under releases/, made current and committed.")
        {
            bundle, trust, installRoot,
        };
        command.SetAction(async (result, token) =>
        {
            var layout = new InstallLayout(result.GetValue(installRoot)!);
            try
            {
                if (UpdateStateFile.Read(layout) is { } existing)
                {
                    output.WriteLine($"{layout.Root} already runs version {existing.Committed}: later versions come from the fleet's rollouts, which check the new version's health and roll back by themselves.");
                    return 1;
                }

                string[] keys = result.GetValue(trust)!;
                ReleaseManifest manifest;
                using (ReleaseTrust trusted = ReleaseTrust.Load(keys))
                await using (FileStream file = File.OpenRead(result.GetValue(bundle)!))
                {
                    manifest = await ReleaseInstaller.InstallAsync(file, trusted, layout, ReleaseInstaller.OwnTarget, installed: null, token);
                }

                string trustDirectory = Path.Combine(layout.Root, TrustDirectory);
                Directory.CreateDirectory(trustDirectory);
                foreach (string key in keys)
                {
                    File.Copy(key, Path.Combine(trustDirectory, Path.GetFileName(key)), overwrite: true);
                }

                UpdateState state = UpdateState.Installed(manifest.Version);
                UpdateStateFile.Write(layout, state);
                ReleaseLinks.Repair(layout, state);
                output.WriteLine($"EdgeNode {manifest.Version} installed in {layout.Release(manifest.Version)}; the service starts {Path.Combine(layout.Current, ReleaseManifestRules.Program)}.");
                return 0;
            }
            catch (ReleaseBundleException e)
            {
                output.WriteLine($"Not installed ({e.Problem}): {e.Message}");
                return 1;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
            {
                output.WriteLine($"Not installed: {e.Message}");
                return 2;
            }
        });
        return command;
    }

    private static Command BootCheckCommand(TextWriter output, Option<string> installRoot)
    {
        var command = new Command("boot-check", "Before each start (systemd ExecStartPre, from the committed version): give a version on trial its chance, or bring the committed one back.")
        {
            installRoot,
        };
        command.SetAction(result =>
        {
            var layout = new InstallLayout(result.GetValue(installRoot)!);
            try
            {
                if (BootCheck.Run(layout, TimeProvider.System) is { } said)
                {
                    output.WriteLine(said);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
            {
                // Never the reason a node does not start: the links stay as they are and the service starts them.
                output.WriteLine($"Boot check skipped: {e.Message}");
            }

            return 0;
        });
        return command;
    }
}

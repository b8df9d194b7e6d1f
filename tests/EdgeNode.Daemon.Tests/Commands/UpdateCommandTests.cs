using EdgeNode.Daemon.Commands;
using EdgeNode.Daemon.Updates;

namespace EdgeNode.Daemon.Tests.Commands;

/// <summary>A node installed from a signed bundle, as the technician does it, and the check systemd runs before each start.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class UpdateCommandTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("edgenode-update-command-").FullName;

    private string Install => Path.Combine(_root, "opt");

    private string Keys => Path.Combine(_root, "keys");

    [Fact]
    public async Task Install_verifies_the_bundle_and_makes_its_version_current_and_committed_with_its_key_kept()
    {
        string bundle = await PackAsync("1.0.0", ReleaseInstaller.OwnTarget);

        (int exitCode, string output) = await Run("update", "install", bundle, "--trust", Path.Combine(Keys, ReleaseCommand.PublicKeyFile), "--install-root", Install);

        Assert.True(exitCode == 0, output);
        Assert.Contains("EdgeNode 1.0.0 installed", output);
        var layout = new InstallLayout(Install);
        Assert.Equal("program 1.0.0", File.ReadAllText(Path.Combine(layout.Current, "edgenode")));
        Assert.Equal(("1.0.0", "1.0.0"), (InstallLayout.VersionOf(layout.Current), InstallLayout.VersionOf(layout.Committed)));
        Assert.True(File.GetUnixFileMode(Path.Combine(layout.Current, "edgenode")).HasFlag(UnixFileMode.UserExecute));
        Assert.True(File.Exists(Path.Combine(Install, UpdateCommand.TrustDirectory, ReleaseCommand.PublicKeyFile)));
        Assert.Equal(UpdateState.Installed("1.0.0").Committed, UpdateStateFile.Read(layout)!.Committed);

        (int again, string againOutput) = await Run("update", "install", bundle, "--trust", Path.Combine(Keys, ReleaseCommand.PublicKeyFile), "--install-root", Install);
        Assert.Equal(1, again);
        Assert.Contains("already runs version 1.0.0", againOutput);

        (int check, string checkOutput) = await Run("update", "boot-check", "--install-root", Install);
        Assert.Equal((0, ""), (check, checkOutput));
    }

    [Fact]
    public async Task Install_refuses_a_bundle_for_another_machine_and_leaves_nothing_behind()
    {
        string other = ReleaseInstaller.OwnTarget == "linux-arm64" ? "linux-x64" : "linux-arm64";
        string bundle = await PackAsync("1.0.0", other);

        (int exitCode, string output) = await Run("update", "install", bundle, "--trust", Path.Combine(Keys, ReleaseCommand.PublicKeyFile), "--install-root", Install);

        Assert.Equal(1, exitCode);
        Assert.Contains($"Not installed (WrongTarget): The release is built for {other}", output);
        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Combine(Install, "releases")));
        Assert.False(File.Exists(new InstallLayout(Install).StateFile));
    }

    [Fact]
    public async Task Boot_check_on_a_node_with_a_version_on_trial_counts_the_start_and_never_fails_the_start()
    {
        string bundle = await PackAsync("1.0.0", ReleaseInstaller.OwnTarget);
        await Run("update", "install", bundle, "--trust", Path.Combine(Keys, ReleaseCommand.PublicKeyFile), "--install-root", Install);
        var layout = new InstallLayout(Install);
        Directory.CreateDirectory(layout.Release("1.0.1"));
        File.WriteAllText(Path.Combine(layout.Release("1.0.1"), "edgenode"), "program 1.0.1");
        new ReleaseSwitch(layout, TimeProvider.System).Switch("1.0.1", faultsBefore: []);

        (int first, string firstOutput) = await Run("update", "boot-check", "--install-root", Install);
        File.WriteAllText(layout.StateFile, "{ torn");
        (int corrupt, string corruptOutput) = await Run("update", "boot-check", "--install-root", Install);

        Assert.Equal(0, first);
        Assert.Contains("Starting version 1.0.1 on trial (start 1 of 3)", firstOutput);
        Assert.Equal(0, corrupt);
        Assert.Contains("Boot check skipped", corruptOutput);
        Assert.Equal("program 1.0.1", File.ReadAllText(Path.Combine(layout.Current, "edgenode")));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private async Task<string> PackAsync(string version, string target)
    {
        string publish = Path.Combine(_root, "publish-" + version + target);
        Directory.CreateDirectory(publish);
        File.WriteAllText(Path.Combine(publish, "edgenode"), $"program {version}");
        File.SetUnixFileMode(Path.Combine(publish, "edgenode"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        if (!Directory.Exists(Keys))
        {
            await Run("release", "keygen", "--output", Keys);
        }

        string bundle = Path.Combine(_root, $"edgenode-{version}-{target}.enb");
        (int exitCode, string output) = await Run("release", "pack", publish, "--version", version, "--target", target, "--key", Path.Combine(Keys, ReleaseCommand.PrivateKeyFile), "--output", bundle);
        Assert.True(exitCode == 0, output);
        return bundle;
    }

    private static async Task<(int ExitCode, string Output)> Run(params string[] args)
    {
        var output = new StringWriter();
        int exitCode = await EdgeNodeCommandLine.Create(output).Parse(args).InvokeAsync();
        return (exitCode, output.ToString());
    }
}

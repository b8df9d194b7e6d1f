using EdgeNode.Daemon.Updates;

namespace EdgeNode.Daemon.Tests.Updates;

/// <summary>A temporary install directory with versions side by side, as a node's /opt/edgenode.</summary>
internal sealed class InstallRoot : IDisposable
{
    public InstallRoot(string installed)
    {
        Layout = new InstallLayout(Directory.CreateTempSubdirectory("edgenode-install-").FullName);
        AddRelease(installed);
        UpdateStateFile.Write(Layout, UpdateState.Installed(installed));
        ReleaseLinks.Repair(Layout, UpdateState.Installed(installed));
    }

    public InstallLayout Layout { get; }

    public void AddRelease(string version)
    {
        Directory.CreateDirectory(Layout.Release(version));
        File.WriteAllText(Path.Combine(Layout.Release(version), "edgenode"), $"program {version}");
    }

    /// <summary>What the service would start: the program behind the current link.</summary>
    public string Running => File.ReadAllText(Path.Combine(Layout.Current, "edgenode"));

    public string BootProgram => File.ReadAllText(Path.Combine(Layout.Committed, "edgenode"));

    public void Dispose() => Directory.Delete(Layout.Root, recursive: true);
}

namespace EdgeNode.TestSupport;

/// <summary>A fresh directory under the system temp folder, deleted (best effort) on dispose.</summary>
public sealed class TemporaryDirectory : IDisposable
{
    public TemporaryDirectory(string prefix = "edgenode-test-")
    {
        Path = Directory.CreateTempSubdirectory(prefix).FullName;
        // Others may pass through (not list): a fleet run as root gives its Mosquitto, which drops to an unprivileged
        // account, its own part of a data directory made in here.
        if (!OperatingSystem.IsWindows())
        {
            System.IO.File.SetUnixFileMode(Path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        }
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}

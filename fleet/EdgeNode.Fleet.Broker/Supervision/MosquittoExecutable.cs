namespace EdgeNode.Fleet.Broker.Supervision;

/// <summary>Finds Mosquitto's program: the configured path, else Debian's, else "mosquitto" on PATH.</summary>
public static class MosquittoExecutable
{
    public const string DebianPath = "/usr/sbin/mosquitto";

    /// <summary>What to tell the operator when <see cref="Find"/> finds nothing.</summary>
    public const string NotInstalledMessage = "Mosquitto is not installed: apt-get install mosquitto";

    /// <summary>The program's full path, or null when it is not installed.</summary>
    public static string? Find(string configured)
    {
        if (configured.Length > 0)
        {
            return File.Exists(configured) ? configured : null;
        }
        if (File.Exists(DebianPath))
        {
            return DebianPath;
        }
        string path = Environment.GetEnvironmentVariable("PATH") ?? "";
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, "mosquitto"))
            .FirstOrDefault(File.Exists);
    }
}

namespace EdgeNode.Daemon.Buffer;

/// <summary>Moves a corrupt buffer file out of the way, never deleting it: a technician may want it for analysis.</summary>
internal static class CorruptFile
{
    private static readonly string[] Companions = ["-wal", "-shm"];

    /// <returns>The file's new path: the old one with ".corrupt-" and the UTC time appended.</returns>
    public static string SetAside(string path, DateTimeOffset now)
    {
        string stamp = now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        string target = $"{path}.corrupt-{stamp}";
        for (int n = 2; Exists(target); n++)
        {
            target = $"{path}.corrupt-{stamp}-{n}";
        }

        // The log and shared-memory files belong with the file they were written for; they move under its new name
        // so that SQLite finds them when the salvage reads it.
        foreach (string suffix in Companions)
        {
            if (File.Exists(path + suffix))
            {
                File.Move(path + suffix, target + suffix);
            }
        }

        if (File.Exists(path))
        {
            File.Move(path, target);
        }

        return target;
    }

    private static bool Exists(string target) => File.Exists(target) || Companions.Any(suffix => File.Exists(target + suffix));
}

namespace EdgeNode.Fleet.Broker.Tls;

/// <summary>
/// Writes a file whole or not at all (a temporary file, then a rename), so that a power cut never leaves half a key;
/// private ones are created mode 0600 from the first byte, never widened and narrowed afterwards.
/// </summary>
internal static class PrivateFile
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode Readable = OwnerOnly | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    public static void WriteSecret(string path, string text) => Write(path, text, OwnerOnly);

    public static void WritePublic(string path, string text) => Write(path, text, Readable);

    private static void Write(string path, string text, UnixFileMode mode)
    {
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("The fleet keeps its keys with Unix file modes: run it on Linux.");
        }
        string temporary = $"{path}.{Environment.ProcessId}.tmp";
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, UnixCreateMode = mode };
        using (var stream = new FileStream(temporary, options))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(text);
            writer.Flush();
            stream.Flush(flushToDisk: true);
        }
        // FileMode.Create keeps the mode of a file left behind by an earlier attempt: set it again.
        File.SetUnixFileMode(temporary, mode);
        File.Move(temporary, path, overwrite: true);
    }
}

using System.Diagnostics;

namespace EdgeNode.Daemon.Tests.Status;

/// <summary>
/// A real file system of a few megabytes (tmpfs mounted on a temporary folder) that a test can fill to the last byte
/// and free again: a full SD card as the kernel reports it (ENOSPC), not a simulated one. Mounting needs root, which
/// CI has; elsewhere the test fails saying so rather than passing without having tested anything.
/// </summary>
internal sealed class SmallFileSystem : IDisposable
{
    private SmallFileSystem(string path) => Path = path;

    public string Path { get; }

    private string Filler => System.IO.Path.Combine(Path, "filler");

    public static SmallFileSystem Mount(int megabytes)
    {
        string path = Directory.CreateTempSubdirectory("edgenode-full-").FullName;
        (int exitCode, string error) = Run("mount", "-t", "tmpfs", "-o", $"size={megabytes}m,mode=0755", "edgenode-test", path);
        if (exitCode != 0)
        {
            Directory.Delete(path);
            Assert.Fail($"This test needs a real full file system and could not mount a tmpfs on {path} (mount said: {error.Trim()}). "
                + "Run the tests as root, as CI does.");
        }

        return new SmallFileSystem(path);
    }

    /// <summary>Writes until the kernel refuses (ENOSPC), in ever smaller pieces so that not a byte is left.</summary>
    public void Fill()
    {
        using var file = new FileStream(Filler, FileMode.Append, FileAccess.Write, FileShare.None, bufferSize: 0);
        for (int piece = 64 * 1024; piece >= 1; piece /= 2)
        {
            byte[] bytes = new byte[piece];
            try
            {
                while (true)
                {
                    file.Write(bytes);
                }
            }
            catch (IOException)
            {
            }
        }

        Assert.Equal(0, new DriveInfo(Path).AvailableFreeSpace);
    }

    public void Free() => File.Delete(Filler);

    public void Dispose()
    {
        (int exitCode, string error) = Run("umount", Path);
        Assert.True(exitCode == 0, $"umount {Path}: {error}");
        Directory.Delete(Path);
    }

    private static (int ExitCode, string Error) Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using Process process = Process.Start(start)!;
            string error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, error);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return (-1, e.Message);
        }
    }
}

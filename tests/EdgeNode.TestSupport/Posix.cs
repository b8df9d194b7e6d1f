using System.Runtime.InteropServices;

namespace EdgeNode.TestSupport;

/// <summary>
/// kill(2), to signal a process we started by its own pid: Process.Kill only sends SIGKILL, while Mosquitto and our
/// services want SIGTERM, and PostgreSQL SIGINT for a clean fast shutdown (SIGQUIT when that does not end it).
/// </summary>
internal static partial class Posix
{
    public const int SIGHUP = 1;
    public const int SIGINT = 2;
    public const int SIGQUIT = 3;
    public const int SIGTERM = 15;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    public static partial int Kill(int pid, int signal);
}

using System.Runtime.InteropServices;

namespace EdgeNode.TestSupport;

/// <summary>kill(2), to send SIGTERM to a process we started (Process.Kill only sends SIGKILL).</summary>
internal static partial class Posix
{
    public const int SIGTERM = 15;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    public static partial int Kill(int pid, int signal);
}

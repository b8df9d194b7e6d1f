using System.Runtime.InteropServices;

namespace EdgeNode.Fleet.Tests.Support.Interop;

internal static partial class Libc
{
    public const int SIGINT = 2;
    public const int SIGQUIT = 3;

    /// <summary>kill(2): signal one process by id. Process.Kill only sends SIGKILL; PostgreSQL wants SIGINT for a clean fast shutdown.</summary>
    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    public static partial int kill(int pid, int sig);
}

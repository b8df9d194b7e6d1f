using System.Runtime.InteropServices;

namespace EdgeNode.Hardware.Interop;

internal static partial class Libc
{
    // sys/file.h
    internal const int LOCK_EX = 2;
    internal const int LOCK_NB = 4;

    [LibraryImport("libc", EntryPoint = "flock", SetLastError = true)]
    internal static partial int Flock(int fd, int operation);
}

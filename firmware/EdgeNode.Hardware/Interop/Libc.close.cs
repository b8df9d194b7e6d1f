using System.Runtime.InteropServices;

namespace EdgeNode.Hardware.Interop;

internal static partial class Libc
{
    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    internal static partial int Close(int fd);
}

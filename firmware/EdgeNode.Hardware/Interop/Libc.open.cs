using System.Runtime.InteropServices;

namespace EdgeNode.Hardware.Interop;

internal static partial class Libc
{
    // asm-generic/fcntl.h (octal in the header): the same values on x86-64, arm and arm64.
    internal const int O_RDWR = 0x2;
    internal const int O_NOCTTY = 0x100;      // 0400: a serial port must never become our controlling terminal
    internal const int O_NONBLOCK = 0x800;    // 04000: do not wait for DCD when opening a tty
    internal const int O_CLOEXEC = 0x80000;   // 02000000

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int Open(string path, int flags);
}

using System.Runtime.InteropServices;

namespace EdgeNode.Hardware.Interop;

internal static partial class Libc
{
    // asm-generic/mman-common.h; the same on x86-64, arm and arm64.
    internal const int MADV_RANDOM = 1;

    /// <summary>Linux 5.4 and later.</summary>
    internal const int MADV_PAGEOUT = 21;

    [LibraryImport("libc", EntryPoint = "madvise", SetLastError = true)]
    internal static partial int Madvise(nint address, nuint length, int advice);
}

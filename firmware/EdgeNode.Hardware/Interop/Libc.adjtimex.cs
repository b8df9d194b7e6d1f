using System.Runtime.InteropServices;

namespace EdgeNode.Hardware.Interop;

internal static partial class Libc
{
    // sys/timex.h: the clock states adjtimex(2) returns.
    internal const int TIME_ERROR = 5;

    /// <summary>
    /// struct timex is 208 bytes on 64-bit Linux and smaller on 32-bit; a zeroed buffer this size with
    /// modes = 0 asks the kernel only to report, never to change the clock.
    /// </summary>
    internal const int TimexBufferBytes = 512;

    [LibraryImport("libc", EntryPoint = "adjtimex", SetLastError = true)]
    internal static unsafe partial int Adjtimex(byte* timex);
}

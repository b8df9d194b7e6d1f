using System.Runtime.InteropServices;

namespace EdgeNode.Hardware.Interop;

internal static partial class Libc
{
    // asm-generic/poll.h
    internal const short POLLIN = 0x001;
    internal const short POLLOUT = 0x004;
    internal const short POLLERR = 0x008;
    internal const short POLLHUP = 0x010;
    internal const short POLLNVAL = 0x020;

    [StructLayout(LayoutKind.Sequential)]
    internal struct PollFd
    {
        internal int Fd;
        internal short Events;
        internal short ReturnedEvents;
    }

    [LibraryImport("libc", EntryPoint = "poll", SetLastError = true)]
    internal static unsafe partial int Poll(PollFd* fds, nuint count, int timeoutMilliseconds);
}

using System.Runtime.InteropServices;

namespace EdgeNode.Hardware.Interop;

/// <summary>Linux errno values (asm-generic/errno-base.h, errno.h); identical on x86-64, arm and arm64.</summary>
internal static partial class Libc
{
    internal const int EPERM = 1;
    internal const int ENOENT = 2;
    internal const int EINTR = 4;
    internal const int EIO = 5;
    internal const int ENXIO = 6;
    internal const int EAGAIN = 11;
    internal const int EACCES = 13;
    internal const int EBUSY = 16;
    internal const int ENODEV = 19;
    internal const int ENOTTY = 25;
    internal const int ETIMEDOUT = 110;
    internal const int EREMOTEIO = 121;

    /// <summary>The errno of the last P/Invoke made with SetLastError, and its text.</summary>
    internal static (int Errno, string Text) LastError()
    {
        int errno = Marshal.GetLastPInvokeError();
        return (errno, Marshal.GetPInvokeErrorMessage(errno));
    }
}

using System.Runtime.InteropServices;

namespace EdgeNode.Hardware.Interop;

internal static partial class Libc
{
    // linux/i2c-dev.h
    internal const uint I2C_SLAVE = 0x0703;
    internal const uint I2C_FUNCS = 0x0705;
    internal const uint I2C_RDWR = 0x0707;

    // asm-generic/ioctls.h
    internal const uint TIOCEXCL = 0x540C;

    // ioctl is variadic in C; on Linux x86-64, arm and arm64 a variadic pointer or integer argument
    // is passed exactly like a fixed one, so a fixed signature is safe there.
    [LibraryImport("libc", EntryPoint = "ioctl", SetLastError = true)]
    internal static unsafe partial int Ioctl(int fd, nuint request, void* argument);

    [LibraryImport("libc", EntryPoint = "ioctl", SetLastError = true)]
    internal static partial int Ioctl(int fd, nuint request, nint argument);
}

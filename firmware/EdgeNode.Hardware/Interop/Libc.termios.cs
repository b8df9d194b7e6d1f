using System.Runtime.InteropServices;

namespace EdgeNode.Hardware.Interop;

internal static partial class Libc
{
    // asm-generic/termbits.h (octal in the header); glibc's struct termios layout, NCCS = 32.
    internal const uint CSIZE = 0x30;          // 0000060
    internal const uint CS8 = 0x30;            // 0000060
    internal const uint CSTOPB = 0x40;         // 0000100
    internal const uint CREAD = 0x80;          // 0000200
    internal const uint PARENB = 0x100;        // 0000400
    internal const uint CLOCAL = 0x800;        // 0004000
    internal const uint CRTSCTS = 0x80000000;  // 020000000000
    internal const uint ICANON = 0x2;          // 0000002, c_lflag
    internal const uint ECHO = 0x8;            // 0000010, c_lflag
    internal const int VTIME = 5;
    internal const int VMIN = 6;
    internal const int TCSANOW = 0;
    internal const int TCIFLUSH = 0;

    [StructLayout(LayoutKind.Sequential)]
    internal unsafe struct Termios
    {
        internal uint InputFlags;
        internal uint OutputFlags;
        internal uint ControlFlags;
        internal uint LocalFlags;
        internal byte LineDiscipline;
        internal fixed byte ControlCharacters[32];
        internal uint InputSpeed;
        internal uint OutputSpeed;
    }

    [LibraryImport("libc", EntryPoint = "tcgetattr", SetLastError = true)]
    internal static unsafe partial int TcGetAttr(int fd, Termios* termios);

    [LibraryImport("libc", EntryPoint = "tcsetattr", SetLastError = true)]
    internal static unsafe partial int TcSetAttr(int fd, int optionalActions, Termios* termios);

    [LibraryImport("libc", EntryPoint = "cfmakeraw")]
    internal static unsafe partial void CfMakeRaw(Termios* termios);

    [LibraryImport("libc", EntryPoint = "cfsetispeed", SetLastError = true)]
    internal static unsafe partial int CfSetInputSpeed(Termios* termios, uint speed);

    [LibraryImport("libc", EntryPoint = "cfsetospeed", SetLastError = true)]
    internal static unsafe partial int CfSetOutputSpeed(Termios* termios, uint speed);

    [LibraryImport("libc", EntryPoint = "cfgetospeed")]
    internal static unsafe partial uint CfGetOutputSpeed(Termios* termios);

    [LibraryImport("libc", EntryPoint = "tcflush", SetLastError = true)]
    internal static partial int TcFlush(int fd, int queueSelector);
}

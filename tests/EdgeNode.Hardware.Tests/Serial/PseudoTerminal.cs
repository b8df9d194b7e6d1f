using System.Runtime.InteropServices;

namespace EdgeNode.Hardware.Tests.Serial;

/// <summary>
/// A kernel pseudo-terminal pair: the test holds the master end, the code under test opens the slave
/// path as it would open /dev/ttyUSB0, so the real open/termios/poll/read/write path runs.
/// </summary>
internal sealed partial class PseudoTerminal : IDisposable
{
    private int _master;
    private readonly int _slave;

    private PseudoTerminal(int master, int slave, string slavePath)
    {
        _master = master;
        _slave = slave;
        SlavePath = slavePath;
    }

    public string SlavePath { get; }

    public static unsafe PseudoTerminal Open()
    {
        int master, slave;
        if (OpenPty(&master, &slave, null, null, null) != 0)
        {
            throw new IOException($"openpty failed: {Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError())}");
        }

        string path = Marshal.PtrToStringUTF8(PtsName(master)) ?? throw new IOException("ptsname returned nothing");
        return new PseudoTerminal(master, slave, path);
    }

    /// <summary>Sends bytes as the device would.</summary>
    public unsafe void Send(ReadOnlySpan<byte> data)
    {
        fixed (byte* p = data)
        {
            if (WriteFd(_master, p, (nuint)data.Length) != data.Length)
            {
                throw new IOException("write to pty master failed");
            }
        }
    }

    /// <summary>Reads what the code under test wrote, waiting up to a second for <paramref name="count"/> bytes.</summary>
    public unsafe byte[] Receive(int count)
    {
        var result = new List<byte>();
        byte[] buffer = new byte[256];
        long deadline = Environment.TickCount64 + 1000;
        while (result.Count < count && Environment.TickCount64 < deadline)
        {
            var fds = new PollFd { Fd = _master, Events = 1 };
            if (Poll(&fds, 1, 50) <= 0)
            {
                continue;
            }

            fixed (byte* p = buffer)
            {
                nint n = ReadFd(_master, p, (nuint)Math.Min(buffer.Length, count - result.Count));
                if (n <= 0)
                {
                    break;
                }

                result.AddRange(buffer.AsSpan(0, (int)n).ToArray());
            }
        }

        return [.. result];
    }

    /// <summary>Closes the master end: to the slave side this is a hang-up, like a USB adapter pulled out.</summary>
    public void HangUp()
    {
        if (_master >= 0)
        {
            CloseFd(_master);
            _master = -1;
        }
    }

    public void Dispose()
    {
        HangUp();
        CloseFd(_slave);
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct PollFd
    {
        public int Fd;
        public short Events;
        public short ReturnedEvents;
    }

    [LibraryImport("libc", EntryPoint = "openpty", SetLastError = true)]
    private static unsafe partial int OpenPty(int* master, int* slave, byte* name, void* termios, void* windowSize);

    [LibraryImport("libc", EntryPoint = "ptsname")]
    private static partial nint PtsName(int master);

    [LibraryImport("libc", EntryPoint = "write")]
    private static unsafe partial nint WriteFd(int fd, byte* buffer, nuint count);

    [LibraryImport("libc", EntryPoint = "read")]
    private static unsafe partial nint ReadFd(int fd, byte* buffer, nuint count);

    [LibraryImport("libc", EntryPoint = "poll")]
    private static unsafe partial int Poll(PollFd* fds, nuint count, int timeout);

    [LibraryImport("libc", EntryPoint = "close")]
    private static partial int CloseFd(int fd);
}

using EdgeNode.Hardware.Interop;

namespace EdgeNode.Hardware.Serial;

/// <summary>
/// A Linux serial port (<c>/dev/ttyAMA0</c>, <c>/dev/ttyS0</c>, <c>/dev/ttyUSBn</c>, …) in raw mode at 8N1,
/// through termios. The port is opened non-blocking and waited on with poll(2), so a read never hangs
/// past its timeout and a cancelled read returns within a fraction of a second.
/// </summary>
public sealed class UnixSerialDevice : SerialDevice
{
    // poll(2) is called in slices so that cancellation is noticed without a self-pipe.
    private const int PollSliceMilliseconds = 200;

    private readonly int _fd;
    private bool _disposed;

    private UnixSerialDevice(string portName, int fd)
    {
        PortName = portName;
        _fd = fd;
    }

    public override string PortName { get; }

    /// <summary>Opens <paramref name="portName"/> exclusively and sets raw 8N1 at <paramref name="baudRate"/>.</summary>
    /// <exception cref="DeviceAccessException">Missing port, no permission, busy, or not a serial port.</exception>
    public static unsafe UnixSerialDevice Open(string portName, int baudRate)
    {
        uint speed = BaudRate.ToLinuxSpeed(baudRate);
        int fd = Libc.Open(portName, Libc.O_RDWR | Libc.O_NOCTTY | Libc.O_NONBLOCK | Libc.O_CLOEXEC);
        if (fd < 0)
        {
            (int errno, string? text) = Libc.LastError();
            throw SerialErrors.FromOpen(portName, errno, text);
        }

        try
        {
            // flock catches a second edgenode even when running as root; TIOCEXCL keeps other
            // non-root programs out of the tty itself.
            if (Libc.Flock(fd, Libc.LOCK_EX | Libc.LOCK_NB) < 0)
            {
                throw SerialErrors.Busy(portName, Libc.LastError().Errno);
            }

            Libc.Termios termios;
            if (Libc.TcGetAttr(fd, &termios) < 0)
            {
                (int errno, string? text) = Libc.LastError();
                throw SerialErrors.NotATerminal(portName, errno, text);
            }

            Libc.CfMakeRaw(&termios);
            termios.ControlFlags &= ~(Libc.CSIZE | Libc.PARENB | Libc.CSTOPB | Libc.CRTSCTS);
            termios.ControlFlags |= Libc.CS8 | Libc.CREAD | Libc.CLOCAL;
            termios.ControlCharacters[Libc.VMIN] = 0;
            termios.ControlCharacters[Libc.VTIME] = 0;
            if (Libc.CfSetInputSpeed(&termios, speed) < 0 || Libc.CfSetOutputSpeed(&termios, speed) < 0
                || Libc.TcSetAttr(fd, Libc.TCSANOW, &termios) < 0)
            {
                (int errno, string? text) = Libc.LastError();
                throw new DeviceAccessException(DeviceAccessError.IoError, portName,
                    $"Cannot configure serial port {portName} for {baudRate} 8N1: {text}.", errno);
            }

            Libc.Ioctl(fd, Libc.TIOCEXCL, 0);
            Libc.TcFlush(fd, Libc.TCIFLUSH);
            return new UnixSerialDevice(portName, fd);
        }
        catch
        {
            Libc.Close(fd);
            throw;
        }
    }

    /// <summary>The line settings the kernel actually holds, read back for the tests and for diagnostics.</summary>
    public unsafe (int BaudRate, bool Raw8N1) ReadLineSettings()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        Libc.Termios termios;
        if (Libc.TcGetAttr(_fd, &termios) < 0)
        {
            (int errno, string? text) = Libc.LastError();
            throw SerialErrors.Lost(PortName, errno, text);
        }

        int rate = BaudRate.FromLinuxSpeed(Libc.CfGetOutputSpeed(&termios));
        bool raw8N1 = (termios.ControlFlags & (Libc.CSIZE | Libc.PARENB | Libc.CSTOPB | Libc.CRTSCTS)) == Libc.CS8
            && (termios.LocalFlags & (Libc.ICANON | Libc.ECHO)) == 0;
        return (rate, raw8N1);
    }

    public override unsafe void Write(ReadOnlySpan<byte> data)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        fixed (byte* start = data)
        {
            int written = 0;
            while (written < data.Length)
            {
                nint result = Libc.Write(_fd, start + written, (nuint)(data.Length - written));
                if (result >= 0)
                {
                    written += (int)result;
                    continue;
                }

                (int errno, string? text) = Libc.LastError();
                if (errno == Libc.EINTR)
                {
                    continue;
                }

                if (errno != Libc.EAGAIN || !WaitFor(Libc.POLLOUT, 1000))
                {
                    throw SerialErrors.Lost(PortName, errno, text);
                }
            }
        }
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        int immediate = TryReadAvailable(buffer.Span);
        if (immediate > 0 || timeout <= TimeSpan.Zero)
        {
            return ValueTask.FromResult(immediate);
        }

        return new ValueTask<int>(Task.Run(() => WaitAndRead(buffer, timeout, cancellationToken), cancellationToken));
    }

    public override void DiscardInput()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        Libc.TcFlush(_fd, Libc.TCIFLUSH);
    }

    protected override void Dispose(bool disposing)
    {
        if (!_disposed)
        {
            _disposed = true;
            Libc.Close(_fd);
        }
    }

    private int WaitAndRead(Memory<byte> buffer, TimeSpan timeout, CancellationToken cancellationToken)
    {
        long deadline = Environment.TickCount64 + (long)timeout.TotalMilliseconds;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            long remaining = deadline - Environment.TickCount64;
            if (remaining <= 0)
            {
                return TryReadAvailable(buffer.Span);
            }

            if (WaitFor(Libc.POLLIN, (int)Math.Min(remaining, PollSliceMilliseconds)))
            {
                int count = TryReadAvailable(buffer.Span);
                if (count > 0)
                {
                    return count;
                }
            }
        }
    }

    private unsafe int TryReadAvailable(Span<byte> buffer)
    {
        fixed (byte* start = buffer)
        {
            while (true)
            {
                nint result = Libc.Read(_fd, start, (nuint)buffer.Length);
                // With VMIN = VTIME = 0 a tty answers 0, not EAGAIN, when nothing is waiting; a hang-up
                // is told by poll's POLLHUP instead.
                if (result >= 0)
                {
                    return (int)result;
                }

                (int errno, string? text) = Libc.LastError();
                if (errno == Libc.EINTR)
                {
                    continue;
                }

                if (errno == Libc.EAGAIN)
                {
                    return 0;
                }

                throw SerialErrors.Lost(PortName, errno, text);
            }
        }
    }

    /// <summary>True when the port is ready for <paramref name="events"/>; false on timeout.</summary>
    private unsafe bool WaitFor(short events, int timeoutMilliseconds)
    {
        var descriptor = new Libc.PollFd { Fd = _fd, Events = events };
        int result = Libc.Poll(&descriptor, 1, timeoutMilliseconds);
        if (result < 0)
        {
            (int errno, string? text) = Libc.LastError();
            if (errno == Libc.EINTR)
            {
                return false;
            }

            throw SerialErrors.Lost(PortName, errno, text);
        }

        // A USB adapter pulled out or a pseudo-terminal's master closed: POLLHUP, often with POLLIN too.
        if (result > 0 && (descriptor.ReturnedEvents & (Libc.POLLERR | Libc.POLLHUP | Libc.POLLNVAL)) != 0)
        {
            throw SerialErrors.Lost(PortName, Libc.EIO, "the device hung up");
        }

        return result > 0;
    }
}

using System.Device.I2c;
using EdgeNode.Hardware.Interop;

namespace EdgeNode.Hardware.I2c;

/// <summary>
/// A Linux I2C adapter, <c>/dev/i2c-N</c>. Every transfer goes through the <c>I2C_RDWR</c> ioctl with the
/// address in each message, so devices share one open file and a write-then-read keeps the bus
/// (repeated start) between its two halves. A System.Device.I2c bus, so the Bindings' drivers run on it too;
/// unlike System.Device.I2c's own Linux bus, a failure says what to check (<see cref="I2cErrors"/>).
/// </summary>
public sealed class UnixI2cBus : I2cBus
{
    private readonly int _fd;
    private readonly Lock _transferLock = new();
    private bool _disposed;

    private UnixI2cBus(int busId, string devicePath, int fd)
    {
        BusId = busId;
        DevicePath = devicePath;
        _fd = fd;
    }

    /// <summary>The N of <c>/dev/i2c-N</c>.</summary>
    public int BusId { get; }

    public string DevicePath { get; }

    /// <summary>Opens <c>{deviceDirectory}/i2c-{busId}</c> and checks that it is an I2C adapter.</summary>
    /// <exception cref="DeviceAccessException">The bus is missing, not accessible, or not an I2C adapter.</exception>
    public static unsafe UnixI2cBus Open(int busId, string deviceDirectory = "/dev")
    {
        ArgumentOutOfRangeException.ThrowIfNegative(busId);
        string path = Path.Combine(deviceDirectory, $"i2c-{busId}");
        int fd = Libc.Open(path, Libc.O_RDWR | Libc.O_CLOEXEC);
        if (fd < 0)
        {
            (int errno, string? text) = Libc.LastError();
            throw I2cErrors.FromOpen(busId, path, errno, text);
        }

        ulong functionality;
        if (Libc.Ioctl(fd, Libc.I2C_FUNCS, &functionality) < 0)
        {
            (int errno, string? text) = Libc.LastError();
            Libc.Close(fd);
            throw new DeviceAccessException(DeviceAccessError.WrongKindOfDevice, path,
                $"{path} is not an I2C adapter ({text}): check the bus number.", errno);
        }

        return new UnixI2cBus(busId, path, fd);
    }

    public override I2cDevice CreateDevice(int deviceAddress)
    {
        I2cAddress.Validate(deviceAddress);
        ObjectDisposedException.ThrowIf(_disposed, this);
        return new UnixI2cDevice(this, new I2cConnectionSettings(BusId, deviceAddress));
    }

    /// <summary>Nothing to release: devices share the bus's open file and hold no state of their own.</summary>
    public override void RemoveDevice(int deviceAddress)
    {
    }

    internal unsafe void Transfer(int address, ReadOnlySpan<byte> write, Span<byte> read)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (write.Length > ushort.MaxValue || read.Length > ushort.MaxValue)
        {
            throw new ArgumentException("An I2C message carries at most 65535 bytes.");
        }

        fixed (byte* writePointer = write)
        fixed (byte* readPointer = read)
        {
            I2cMessage* messages = stackalloc I2cMessage[2];
            uint count = 0;
            // An empty write alone is a quick write: one message of length 0, the address and nothing else.
            if (!write.IsEmpty || read.IsEmpty)
            {
                messages[count++] = new I2cMessage { Address = (ushort)address, Flags = 0, Length = (ushort)write.Length, Buffer = writePointer };
            }

            if (!read.IsEmpty)
            {
                messages[count++] = new I2cMessage { Address = (ushort)address, Flags = I2cMessage.ReadFlag, Length = (ushort)read.Length, Buffer = readPointer };
            }

            var data = new I2cReadWriteData { Messages = messages, MessageCount = count };
            int result;
            lock (_transferLock)
            {
                result = Libc.Ioctl(_fd, Libc.I2C_RDWR, &data);
            }

            if (result < 0)
            {
                (int errno, string? text) = Libc.LastError();
                throw I2cErrors.FromTransfer(BusId, DevicePath, address, errno, text);
            }
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (!_disposed)
        {
            _disposed = true;
            Libc.Close(_fd);
        }

        base.Dispose(disposing);
    }
}

namespace EdgeNode.Hardware.I2c;

/// <summary>
/// One device on an I2C bus. Shaped like System.Device.I2c's <c>I2cDevice</c> so that an adapter to it
/// is a few lines the day that package can be restored. Every method throws
/// <see cref="DeviceAccessException"/> when the device does not acknowledge or the bus fails.
/// </summary>
public abstract class I2cDevice : IDisposable
{
    public abstract I2cConnectionSettings ConnectionSettings { get; }

    /// <summary>Reads exactly <c>buffer.Length</c> bytes in one transfer.</summary>
    public abstract void Read(Span<byte> buffer);

    /// <summary>Writes all of <paramref name="buffer"/> in one transfer; an empty buffer is a "quick write" that only sends the address.</summary>
    public abstract void Write(ReadOnlySpan<byte> buffer);

    /// <summary>Writes then reads with a repeated start between them, without releasing the bus.</summary>
    public abstract void WriteRead(ReadOnlySpan<byte> writeBuffer, Span<byte> readBuffer);

    public byte ReadByte()
    {
        Span<byte> value = stackalloc byte[1];
        Read(value);
        return value[0];
    }

    public void WriteByte(byte value) => Write([value]);

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
    }
}

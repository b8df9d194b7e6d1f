namespace EdgeNode.Hardware.Serial;

/// <summary>
/// A serial port at 8N1 with no flow control, as every sensor here uses. Reads take a timeout because a
/// sensor that stops talking must be noticed, not waited for forever.
/// </summary>
public abstract class SerialDevice : IDisposable
{
    /// <summary>For example <c>/dev/ttyAMA0</c> or <c>/dev/ttyUSB0</c>.</summary>
    public abstract string PortName { get; }

    /// <summary>Writes all of <paramref name="data"/>.</summary>
    /// <exception cref="DeviceAccessException">The port failed or was unplugged.</exception>
    public abstract void Write(ReadOnlySpan<byte> data);

    /// <summary>
    /// Waits up to <paramref name="timeout"/> for at least one byte, then returns what is available (at most
    /// <c>buffer.Length</c>). Returns 0 when nothing arrived in time.
    /// </summary>
    /// <exception cref="DeviceAccessException">The port failed or was unplugged.</exception>
    public abstract ValueTask<int> ReadAsync(Memory<byte> buffer, TimeSpan timeout, CancellationToken cancellationToken = default);

    /// <summary>Drops whatever was received and not yet read, so the next read starts on fresh bytes.</summary>
    public abstract void DiscardInput();

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
    }
}

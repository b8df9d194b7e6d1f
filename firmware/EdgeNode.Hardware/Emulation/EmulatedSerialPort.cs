using EdgeNode.Hardware.Serial;

namespace EdgeNode.Hardware.Emulation;

/// <summary>
/// A serial line with an emulated peripheral on the other end, driven by a <see cref="TimeProvider"/> so a
/// test can run hours of streamed frames at once. Line faults a technician meets are injectable:
/// an unplugged cable (<see cref="Unplugged"/>), a USB adapter pulled out (<see cref="HungUp"/>), noise (<see cref="InjectNoise"/>), and bytes arriving in
/// small pieces (<see cref="MaxBytesPerRead"/>), as a UART FIFO delivers them.
/// </summary>
public sealed class EmulatedSerialPort(IEmulatedSerialPeripheral peripheral, TimeProvider time, string portName = "/dev/ttyEMU0")
    : SerialDevice
{
    private readonly Queue<byte> _received = new();
    private readonly Lock _lock = new();
    private DateTimeOffset? _nextEmission = time.GetUtcNow();

    public override string PortName { get; } = portName;

    /// <summary>When true nothing crosses the line in either direction, as with a loose connector.</summary>
    public bool Unplugged { get; set; }

    /// <summary>
    /// When true the port is gone for good, as the kernel's descriptor of a USB adapter that was pulled out: every
    /// read and write fails, and plugging the adapter back does not revive it; only opening the port again does.
    /// </summary>
    public bool HungUp { get; set; }

    /// <summary>The most bytes one read returns; 1 cuts every frame at every position.</summary>
    public int MaxBytesPerRead { get; set; } = int.MaxValue;

    /// <summary>Puts bytes on the line as if electrical noise had produced them.</summary>
    public void InjectNoise(ReadOnlySpan<byte> noise)
    {
        lock (_lock)
        {
            foreach (byte b in noise)
            {
                _received.Enqueue(b);
            }
        }
    }

    public override void Write(ReadOnlySpan<byte> data)
    {
        ThrowIfHungUp();
        if (Unplugged)
        {
            return;
        }

        ReadOnlyMemory<byte> answer = peripheral.Receive(data, time.GetUtcNow());
        lock (_lock)
        {
            foreach (byte b in answer.Span)
            {
                _received.Enqueue(b);
            }

            // A command may start a stream (for example waking a sensor); ask again at once.
            _nextEmission = time.GetUtcNow();
        }
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        DateTimeOffset deadline = time.GetUtcNow() + timeout;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            ThrowIfHungUp();
            DateTimeOffset now = time.GetUtcNow();
            DateTimeOffset? next;
            lock (_lock)
            {
                if (!Unplugged && _nextEmission is { } due && due <= now)
                {
                    SerialEmission emission = peripheral.Emit(now);
                    foreach (byte b in emission.Bytes.Span)
                    {
                        _received.Enqueue(b);
                    }

                    _nextEmission = emission.NextAt;
                }

                if (_received.Count > 0 && !Unplugged)
                {
                    int count = Math.Min(Math.Min(buffer.Length, MaxBytesPerRead), _received.Count);
                    Span<byte> span = buffer.Span;
                    for (int i = 0; i < count; i++)
                    {
                        span[i] = _received.Dequeue();
                    }

                    return count;
                }

                next = Unplugged ? null : _nextEmission;
            }

            if (now >= deadline)
            {
                return 0;
            }

            // Whole milliseconds: .NET completes a shorter delay at once, and on a virtual clock that would
            // spin here without time ever passing.
            DateTimeOffset wakeAt = next is { } n && n < deadline ? n : deadline;
            double waitMilliseconds = Math.Max(1, Math.Ceiling((wakeAt - now).TotalMilliseconds));
            await Task.Delay(TimeSpan.FromMilliseconds(waitMilliseconds), time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>What <see cref="UnixSerialDevice"/> throws when poll reports POLLHUP.</summary>
    private void ThrowIfHungUp()
    {
        if (HungUp)
        {
            throw SerialErrors.Lost(PortName, Interop.Libc.EIO, "the device hung up");
        }
    }

    public override void DiscardInput()
    {
        lock (_lock)
        {
            _received.Clear();
        }
    }
}

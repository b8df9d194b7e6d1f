using EdgeNode.Hardware.Emulation;

namespace EdgeNode.Daemon.Tests.Sampling;

/// <summary>
/// A serial sensor's emulator behind which the process stalls once, as a starved thread pool does on a loaded
/// machine: when the host sends its <paramref name="stallAtCommand"/>-th command, the virtual clock jumps by
/// <paramref name="stall"/> before the sensor answers. At 1 000× a stall of a third of a second is five minutes.
/// </summary>
internal sealed class StallingPeripheral(IEmulatedSerialPeripheral inner, VirtualTimeProvider time, int stallAtCommand, TimeSpan stall)
    : IEmulatedSerialPeripheral
{
    private int _commands;

    public ReadOnlyMemory<byte> Receive(ReadOnlySpan<byte> fromHost, DateTimeOffset now)
    {
        if (Interlocked.Increment(ref _commands) == stallAtCommand)
        {
            time.Advance(stall);
            now = time.GetUtcNow();
        }

        return inner.Receive(fromHost, now);
    }

    public SerialEmission Emit(DateTimeOffset now) => inner.Emit(now);
}

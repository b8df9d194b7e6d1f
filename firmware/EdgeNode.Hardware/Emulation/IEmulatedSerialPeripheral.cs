namespace EdgeNode.Hardware.Emulation;

/// <summary>
/// A device emulated at frame level on the other end of an <see cref="EmulatedSerialPort"/>. It sees the
/// exact bytes the host writes and produces the exact bytes the real device would send, corrupt ones
/// included when a fault is injected.
/// </summary>
public interface IEmulatedSerialPeripheral
{
    /// <summary>The host wrote <paramref name="fromHost"/> at <paramref name="now"/>; returns the device's immediate answer (often empty).</summary>
    ReadOnlyMemory<byte> Receive(ReadOnlySpan<byte> fromHost, DateTimeOffset now);

    /// <summary>What the device sends on its own up to <paramref name="now"/> (streamed frames), and when it next will.</summary>
    SerialEmission Emit(DateTimeOffset now);
}

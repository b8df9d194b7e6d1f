namespace EdgeNode.Hardware.Emulation;

/// <summary>
/// A device emulated at register level, plugged into an <see cref="EmulatedI2cBus"/>. It sees exactly the
/// bytes a real chip would see on the wire; returning false means the device did not acknowledge (NACK).
/// A quick write (the address and nothing else, as a bus scan sends) is acknowledged by the bus for any
/// attached, connected device without calling it, as a powered chip acknowledges its address.
/// </summary>
public interface IEmulatedI2cDevice
{
    /// <summary>The master wrote <paramref name="data"/> (after the address byte).</summary>
    bool TryWrite(ReadOnlySpan<byte> data);

    /// <summary>The master reads <c>data.Length</c> bytes; fill them.</summary>
    bool TryRead(Span<byte> data);
}

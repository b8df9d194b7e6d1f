using System.Device.I2c;
using EdgeNode.Hardware.I2c;
using EdgeNode.Hardware.Interop;

namespace EdgeNode.Hardware.Emulation;

/// <summary>
/// A device emulated at register level: a System.Device.I2c device, so our drivers and the Bindings' drivers run
/// on it alone or plugged into an <see cref="EmulatedI2cBus"/>. A subclass sees exactly the bytes a real chip
/// would see on the wire; returning false from <see cref="TryWrite"/> or <see cref="TryRead"/> means it did not
/// acknowledge (NACK), which the master sees as <see cref="DeviceAccessException"/> with
/// <see cref="DeviceAccessError.NotAnswering"/>, as on <see cref="UnixI2cBus"/>. A quick write (the address and
/// nothing else, as a bus scan sends) is acknowledged for any connected device without calling it, as a powered
/// chip acknowledges its address.
/// </summary>
public abstract class EmulatedI2cDevice : I2cDevice
{
    private readonly Lock _transferLock = new();
    private I2cConnectionSettings _settings;
    private volatile bool _disconnected;

    /// <param name="deviceAddress">Where the chip answers until plugged into a bus at another address.</param>
    protected EmulatedI2cDevice(int deviceAddress)
    {
        I2cAddress.Validate(deviceAddress);
        _settings = new I2cConnectionSettings(1, deviceAddress);
    }

    public override I2cConnectionSettings ConnectionSettings => _settings;

    /// <summary>False after <see cref="Disconnect"/>: a loose wire.</summary>
    public bool IsConnected => !_disconnected;

    /// <summary>Simulates a loose wire: the device keeps its state but stops acknowledging until reconnected.</summary>
    public void Disconnect() => _disconnected = true;

    public void Reconnect() => _disconnected = false;

    /// <summary>The master wrote <paramref name="data"/> (after the address byte); false is a NACK.</summary>
    public abstract bool TryWrite(ReadOnlySpan<byte> data);

    /// <summary>The master reads <c>data.Length</c> bytes; fill them, or return false for a NACK.</summary>
    public abstract bool TryRead(Span<byte> data);

    public sealed override void Read(Span<byte> buffer) => Transfer([], buffer);

    public sealed override void Write(ReadOnlySpan<byte> buffer) => Transfer(buffer, []);

    public sealed override void WriteRead(ReadOnlySpan<byte> writeBuffer, Span<byte> readBuffer) => Transfer(writeBuffer, readBuffer);

    public sealed override byte ReadByte()
    {
        Span<byte> value = stackalloc byte[1];
        Read(value);
        return value[0];
    }

    public sealed override void WriteByte(byte value) => Write([value]);

    internal void PlugInto(int busId, int deviceAddress) => _settings = new I2cConnectionSettings(busId, deviceAddress);

    private void Transfer(ReadOnlySpan<byte> write, Span<byte> read)
    {
        lock (_transferLock)
        {
            if (_disconnected || (!write.IsEmpty && !TryWrite(write)) || (!read.IsEmpty && !TryRead(read)))
            {
                throw I2cErrors.NotAnswering(_settings.BusId, EmulatedI2cBus.DevicePathOf(_settings.BusId), _settings.DeviceAddress,
                    "no acknowledge", Libc.EREMOTEIO);
            }
        }
    }
}

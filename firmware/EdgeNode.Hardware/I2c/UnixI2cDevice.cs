using System.Device.I2c;

namespace EdgeNode.Hardware.I2c;

/// <summary>A device on a <see cref="UnixI2cBus"/>; the bus owns the file descriptor.</summary>
internal sealed class UnixI2cDevice(UnixI2cBus bus, I2cConnectionSettings settings) : I2cDevice
{
    public override I2cConnectionSettings ConnectionSettings { get; } = settings;

    public override void Read(Span<byte> buffer) => bus.Transfer(ConnectionSettings.DeviceAddress, [], buffer);

    public override void Write(ReadOnlySpan<byte> buffer) => bus.Transfer(ConnectionSettings.DeviceAddress, buffer, []);

    public override void WriteRead(ReadOnlySpan<byte> writeBuffer, Span<byte> readBuffer) =>
        bus.Transfer(ConnectionSettings.DeviceAddress, writeBuffer, readBuffer);

    public override byte ReadByte()
    {
        Span<byte> value = stackalloc byte[1];
        Read(value);
        return value[0];
    }

    public override void WriteByte(byte value) => Write([value]);
}

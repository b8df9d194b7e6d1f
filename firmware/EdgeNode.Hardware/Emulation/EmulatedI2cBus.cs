using System.Collections.Concurrent;
using EdgeNode.Hardware.I2c;

namespace EdgeNode.Hardware.Emulation;

/// <summary>
/// An I2C bus with emulated devices plugged in at their addresses, for tests and for running a node on
/// a machine without sensors. Failures surface exactly as on <see cref="UnixI2cBus"/>: an address with
/// nothing on it, a device that does not acknowledge, or a <see cref="Disconnect"/>ed device all throw
/// <see cref="DeviceAccessException"/> with <see cref="DeviceAccessError.NotAnswering"/>.
/// </summary>
public sealed class EmulatedI2cBus(int busId = 1) : I2cBus
{
    private readonly ConcurrentDictionary<int, IEmulatedI2cDevice> _devices = new();
    private readonly ConcurrentDictionary<int, bool> _disconnected = new();
    private readonly Lock _transferLock = new();

    public override int BusId { get; } = busId;

    public string DevicePath => $"/dev/i2c-{BusId} (emulated)";

    public void Attach(int deviceAddress, IEmulatedI2cDevice device)
    {
        I2cAddress.Validate(deviceAddress);
        if (!_devices.TryAdd(deviceAddress, device))
        {
            throw new InvalidOperationException($"Address 0x{deviceAddress:x2} on emulated bus {BusId} is already taken.");
        }
    }

    /// <summary>Simulates a loose wire: the device stays attached but stops acknowledging until reconnected.</summary>
    public void Disconnect(int deviceAddress) => _disconnected[deviceAddress] = true;

    public void Reconnect(int deviceAddress) => _disconnected.TryRemove(deviceAddress, out _);

    public override I2cDevice CreateDevice(int deviceAddress)
    {
        I2cAddress.Validate(deviceAddress);
        return new EmulatedI2cDeviceHandle(this, new I2cConnectionSettings(BusId, deviceAddress));
    }

    internal void Transfer(int address, ReadOnlySpan<byte> write, Span<byte> read)
    {
        lock (_transferLock)
        {
            if (!_devices.TryGetValue(address, out IEmulatedI2cDevice? device) || _disconnected.ContainsKey(address)
                || (!write.IsEmpty && !device.TryWrite(write))
                || (!read.IsEmpty && !device.TryRead(read)))
            {
                throw I2cErrors.NotAnswering(BusId, DevicePath, address, "no acknowledge", errno: 121);
            }
        }
    }

    private sealed class EmulatedI2cDeviceHandle(EmulatedI2cBus bus, I2cConnectionSettings settings) : I2cDevice
    {
        public override I2cConnectionSettings ConnectionSettings { get; } = settings;

        public override void Read(Span<byte> buffer) => bus.Transfer(ConnectionSettings.DeviceAddress, [], buffer);

        public override void Write(ReadOnlySpan<byte> buffer) => bus.Transfer(ConnectionSettings.DeviceAddress, buffer, []);

        public override void WriteRead(ReadOnlySpan<byte> writeBuffer, Span<byte> readBuffer) =>
            bus.Transfer(ConnectionSettings.DeviceAddress, writeBuffer, readBuffer);
    }
}

using System.Collections.Concurrent;
using System.Device.I2c;
using EdgeNode.Hardware.I2c;
using EdgeNode.Hardware.Interop;

namespace EdgeNode.Hardware.Emulation;

/// <summary>
/// A System.Device.I2c bus with emulated devices plugged in at their addresses, for tests and for running a node
/// on a machine without sensors. Failures surface exactly as on <see cref="UnixI2cBus"/>: an address with
/// nothing on it, a device that does not acknowledge, or a <see cref="Disconnect"/>ed device all throw
/// <see cref="DeviceAccessException"/> with <see cref="DeviceAccessError.NotAnswering"/>.
/// </summary>
public sealed class EmulatedI2cBus(int busId = 1) : I2cBus
{
    private readonly ConcurrentDictionary<int, EmulatedI2cDevice> _devices = new();

    /// <summary>The N of <c>/dev/i2c-N</c>.</summary>
    public int BusId { get; } = busId;

    public string DevicePath => DevicePathOf(BusId);

    public void Attach(int deviceAddress, EmulatedI2cDevice device)
    {
        I2cAddress.Validate(deviceAddress);
        if (!_devices.TryAdd(deviceAddress, device))
        {
            throw new InvalidOperationException($"Address 0x{deviceAddress:x2} on emulated bus {BusId} is already taken.");
        }

        device.PlugInto(BusId, deviceAddress);
    }

    /// <summary>Simulates a loose wire: the device stays attached but stops acknowledging until reconnected.</summary>
    public void Disconnect(int deviceAddress) => Attached(deviceAddress).Disconnect();

    public void Reconnect(int deviceAddress) => Attached(deviceAddress).Reconnect();

    /// <summary>
    /// A handle on whatever is at <paramref name="deviceAddress"/> at each transfer, so that a driver may be given
    /// it before the device is plugged in, and disposing it (drivers own their device) leaves the emulator alone.
    /// </summary>
    public override I2cDevice CreateDevice(int deviceAddress)
    {
        I2cAddress.Validate(deviceAddress);
        return new EmulatedI2cDeviceHandle(this, new I2cConnectionSettings(BusId, deviceAddress));
    }

    /// <summary>Nothing to release: a handle holds no state of its own.</summary>
    public override void RemoveDevice(int deviceAddress)
    {
    }

    internal static string DevicePathOf(int busId) => $"/dev/i2c-{busId} (emulated)";

    private EmulatedI2cDevice Attached(int deviceAddress) =>
        _devices.TryGetValue(deviceAddress, out EmulatedI2cDevice? device)
            ? device
            : throw new InvalidOperationException($"Nothing is attached at 0x{deviceAddress:x2} on emulated bus {BusId}.");

    private sealed class EmulatedI2cDeviceHandle(EmulatedI2cBus bus, I2cConnectionSettings settings) : I2cDevice
    {
        public override I2cConnectionSettings ConnectionSettings { get; } = settings;

        public override void Read(Span<byte> buffer) => Device().Read(buffer);

        public override void Write(ReadOnlySpan<byte> buffer) => Device().Write(buffer);

        public override void WriteRead(ReadOnlySpan<byte> writeBuffer, Span<byte> readBuffer) => Device().WriteRead(writeBuffer, readBuffer);

        public override byte ReadByte() => Device().ReadByte();

        public override void WriteByte(byte value) => Device().WriteByte(value);

        private EmulatedI2cDevice Device() =>
            bus._devices.TryGetValue(ConnectionSettings.DeviceAddress, out EmulatedI2cDevice? device)
                ? device
                : throw I2cErrors.NotAnswering(bus.BusId, bus.DevicePath, ConnectionSettings.DeviceAddress, "no acknowledge", Libc.EREMOTEIO);
    }
}

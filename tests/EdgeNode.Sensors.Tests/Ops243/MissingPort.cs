using EdgeNode.Hardware;
using EdgeNode.Hardware.Serial;

namespace EdgeNode.Sensors.Tests.Ops243;

/// <summary>A port whose device file is gone, as when the radar's USB cable is out and udev removed /dev/ttyACM0.</summary>
internal sealed class MissingPort : SerialDevice
{
    public override string PortName => "/dev/ttyACM0";

    public override void Write(ReadOnlySpan<byte> data) => throw Missing();

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        throw Missing();

    public override void DiscardInput() => throw Missing();

    private DeviceAccessException Missing() =>
        new(DeviceAccessError.NotFound, PortName, $"Serial port {PortName} not found: check the USB cable (ls /dev/ttyACM*).", errno: 2);
}

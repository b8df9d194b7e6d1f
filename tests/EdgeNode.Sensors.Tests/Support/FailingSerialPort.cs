using EdgeNode.Hardware;
using EdgeNode.Hardware.Serial;

namespace EdgeNode.Sensors.Tests.Support;

/// <summary>A port that fails every operation as the kernel reports it: a missing device file, a pulled USB adapter.</summary>
internal sealed class FailingSerialPort(DeviceAccessError error, string portName = "/dev/ttyUSB0") : SerialDevice
{
    public override string PortName => portName;

    public override void Write(ReadOnlySpan<byte> data) => throw Failure();

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, TimeSpan timeout, CancellationToken cancellationToken = default) => throw Failure();

    public override void DiscardInput()
    {
    }

    private DeviceAccessException Failure() => new(error, portName, $"{portName}: emulated {error}.", errno: 5);
}

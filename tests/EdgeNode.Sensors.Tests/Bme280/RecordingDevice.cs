using EdgeNode.Hardware.Emulation;

namespace EdgeNode.Sensors.Tests.Bme280;

/// <summary>Passes every transfer to <paramref name="inner"/> and keeps what the master wrote.</summary>
internal sealed class RecordingDevice(EmulatedI2cDevice inner) : EmulatedI2cDevice(inner.ConnectionSettings.DeviceAddress)
{
    public List<byte[]> Writes { get; } = [];

    public override bool TryWrite(ReadOnlySpan<byte> data)
    {
        Writes.Add(data.ToArray());
        return inner.TryWrite(data);
    }

    public override bool TryRead(Span<byte> data) => inner.TryRead(data);
}

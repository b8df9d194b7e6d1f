using EdgeNode.Hardware.Emulation;

namespace EdgeNode.Sensors.Tests.Bme280;

/// <summary>Passes every transfer to <paramref name="inner"/> and keeps what the master wrote.</summary>
internal sealed class RecordingDevice(IEmulatedI2cDevice inner) : IEmulatedI2cDevice
{
    public List<byte[]> Writes { get; } = [];

    public bool TryWrite(ReadOnlySpan<byte> data)
    {
        Writes.Add(data.ToArray());
        return inner.TryWrite(data);
    }

    public bool TryRead(Span<byte> data) => inner.TryRead(data);
}

using EdgeNode.Hardware.Emulation;

namespace EdgeNode.Sensors.Tests.Bme280;

/// <summary>Passes transfers to <paramref name="inner"/> but flips one bit of the n-th read, as a glitch on SDA would.</summary>
internal sealed class BitFlippingDevice(EmulatedI2cDevice inner, int flipOnRead) : EmulatedI2cDevice(inner.ConnectionSettings.DeviceAddress)
{
    private int _reads;

    public override bool TryWrite(ReadOnlySpan<byte> data) => inner.TryWrite(data);

    public override bool TryRead(Span<byte> data)
    {
        bool acknowledged = inner.TryRead(data);
        if (++_reads == flipOnRead && data.Length > 0)
        {
            data[^1] ^= 0x10;
        }

        return acknowledged;
    }
}

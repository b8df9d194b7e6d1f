using EdgeNode.Hardware.Emulation;

namespace EdgeNode.Sensors.Tests.Scd4x;

/// <summary>Passes transfers to <paramref name="inner"/> but flips a bit of one byte of the n-th read, as one glitch on SDA would.</summary>
internal sealed class NthReadCorruptingDevice(EmulatedI2cDevice inner, int readToCorrupt, int byteToCorrupt) : EmulatedI2cDevice(inner.ConnectionSettings.DeviceAddress)
{
    private int _reads;

    public override bool TryWrite(ReadOnlySpan<byte> data) => inner.TryWrite(data);

    public override bool TryRead(Span<byte> data)
    {
        bool acknowledged = inner.TryRead(data);
        if (acknowledged && ++_reads == readToCorrupt && byteToCorrupt < data.Length)
        {
            data[byteToCorrupt] ^= 0x01;
        }

        return acknowledged;
    }
}

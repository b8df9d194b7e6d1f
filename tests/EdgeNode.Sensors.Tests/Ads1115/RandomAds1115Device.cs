using EdgeNode.Hardware.Emulation;

namespace EdgeNode.Sensors.Tests.Ads1115;

/// <summary>
/// For property tests: something at 0x48 whose register reads come from a script. With <paramref name="plausible"/>
/// the thresholds read their power-up values and the Config register echoes what was written (with a scripted OS
/// bit), so that random conversion codes reach the driver's arithmetic; otherwise every read is scripted.
/// </summary>
internal sealed class RandomAds1115Device(byte[] script, bool plausible) : EmulatedI2cDevice(0x48)
{
    private int _next;
    private byte _pointer;
    private ushort _config;

    public override bool TryWrite(ReadOnlySpan<byte> data)
    {
        if (data.Length > 0)
        {
            _pointer = (byte)(data[0] & 0b11);
        }

        if (data.Length >= 3 && _pointer == 1)
        {
            _config = (ushort)((data[1] << 8) | data[2]);
        }

        return true;
    }

    public override bool TryRead(Span<byte> data)
    {
        ushort value = (plausible, _pointer) switch
        {
            (true, 2) => 0x8000,
            (true, 3) => 0x7FFF,
            (true, 1) => (ushort)((_config & 0x7FFF) | (Next() & 0x80) << 8),
            _ => (ushort)((Next() << 8) | Next()),
        };
        for (int i = 0; i < data.Length; i++)
        {
            data[i] = i % 2 == 0 ? (byte)(value >> 8) : (byte)value;
        }

        return true;
    }

    private byte Next() => script.Length == 0 ? (byte)0xFF : script[_next++ % script.Length];
}

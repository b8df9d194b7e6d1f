using EdgeNode.Hardware.Emulation;

namespace EdgeNode.Sensors.Tests.Bme280;

/// <summary>
/// The plainest register-level fake: 256 bytes behind a pointer, auto-increment on read, register/value pairs on
/// write, nothing ever changing on its own. For fixed worked examples and random register contents.
/// </summary>
internal sealed class RegisterMapDevice(byte[] registers) : EmulatedI2cDevice(0x76)
{
    private byte _pointer;

    public byte[] Registers { get; } = registers;

    public override bool TryWrite(ReadOnlySpan<byte> data)
    {
        for (int i = 0; i < data.Length; i += 2)
        {
            _pointer = data[i];
            if (i + 1 < data.Length)
            {
                Registers[data[i]] = data[i + 1];
            }
        }

        return true;
    }

    public override bool TryRead(Span<byte> data)
    {
        for (int i = 0; i < data.Length; i++)
        {
            data[i] = Registers[_pointer++];
        }

        return true;
    }
}

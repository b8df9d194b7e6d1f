using EdgeNode.Hardware.Emulation;

namespace EdgeNode.Sensors.Tests.Scd4x;

/// <summary>
/// Something at 0x62 that acknowledges every command and answers reads with the next bytes of a script (cycled),
/// optionally with correct CRCs so that the words themselves are random but well formed, and NACKs the reads
/// the script says to. For property tests of what the driver does with anything at all on the wire.
/// </summary>
internal sealed class ScriptedAnswerDevice(byte[] script, bool[] nacks, bool validCrcs) : EmulatedI2cDevice(0x62)
{
    private int _byte;
    private int _read;

    public override bool TryWrite(ReadOnlySpan<byte> data) => true;

    public override bool TryRead(Span<byte> data)
    {
        if (nacks.Length > 0 && nacks[_read++ % nacks.Length])
        {
            return false;
        }

        for (int i = 0; i < data.Length; i++)
        {
            data[i] = script.Length == 0 ? (byte)0xFF : script[_byte++ % script.Length];
        }

        if (validCrcs)
        {
            for (int i = 0; i + 2 < data.Length; i += 3)
            {
                data[i + 2] = EdgeNode.Sensors.Scd4x.Scd4xCrc.Compute(data[i], data[i + 1]);
            }
        }

        return true;
    }
}

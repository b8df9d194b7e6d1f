namespace EdgeNode.Hardware.Serial;

/// <summary>Maps a rate in bits per second to the Linux <c>Bnnnn</c> constant and back (asm-generic/termbits.h, octal there).</summary>
internal static class BaudRate
{
    private static readonly (int BitsPerSecond, uint LinuxSpeed)[] Table =
    [
        (1200, 0x9), (2400, 0xB), (4800, 0xC), (9600, 0xD), (19200, 0xE), (38400, 0xF),
        (57600, 0x1001), (115200, 0x1002), (230400, 0x1003),
    ];

    internal static uint ToLinuxSpeed(int bitsPerSecond)
    {
        foreach ((int rate, uint speed) in Table)
        {
            if (rate == bitsPerSecond)
            {
                return speed;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(bitsPerSecond), bitsPerSecond,
            $"Supported baud rates: {string.Join(", ", Table.Select(t => t.BitsPerSecond))}.");
    }

    /// <summary>The rate for a Linux speed constant, or 0 when it is not one of ours.</summary>
    internal static int FromLinuxSpeed(uint linuxSpeed) =>
        Table.FirstOrDefault(t => t.LinuxSpeed == linuxSpeed).BitsPerSecond;
}

using System.Globalization;
using System.Text;

namespace EdgeNode.Sensors.Ops243;

/// <summary>
/// What a USB GPS receiver sends once a second (NMEA 0183 RMC sentences). u-blox receivers also appear as
/// /dev/ttyACM0, so this is the likeliest foreign device on the radar's port; the emulator plays it for
/// <see cref="Emulation.EmulatedFault.WrongDevice"/>.
/// </summary>
internal static class NmeaChatter
{
    public static string SentenceAt(DateTimeOffset now)
    {
        string body = string.Create(CultureInfo.InvariantCulture,
            $"GPRMC,{now:HHmmss}.00,A,4851.1234,N,00221.5678,E,0.0,0.0,{now:ddMMyy},,,A");
        byte checksum = 0;
        foreach (byte b in Encoding.ASCII.GetBytes(body))
        {
            checksum ^= b;
        }

        return $"${body}*{checksum:X2}\r\n";
    }
}

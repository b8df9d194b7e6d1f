using System.Buffers.Binary;

namespace EdgeNode.Sensors.Bme280;

/// <summary>
/// The factory trimming ("calibration") words each chip carries in its NVM (datasheet §4.2.2, Table 16).
/// Names follow the datasheet (dig_T1 → <see cref="T1"/>) so the formulas can be checked against it line by line.
/// </summary>
internal sealed record Bme280Trimming(
    ushort T1, short T2, short T3,
    ushort P1, short P2, short P3, short P4, short P5, short P6, short P7, short P8, short P9,
    byte H1, short H2, byte H3, short H4, short H5, sbyte H6)
{
    /// <summary>
    /// Decodes the two trimming blocks: 0x88–0xA1 (26 bytes) and 0xE1–0xE7 (7 bytes). Words are little-endian.
    /// dig_H4 and dig_H5 are 12-bit signed values sharing register 0xE5 (Table 16):
    /// dig_H4 = 0xE4[7:0]·16 + 0xE5[3:0], dig_H5 = 0xE6[7:0]·16 + 0xE5[7:4], the sign coming from the whole byte.
    /// </summary>
    public static Bme280Trimming Parse(ReadOnlySpan<byte> temperaturePressure, ReadOnlySpan<byte> humidity)
    {
        if (temperaturePressure.Length != Bme280Protocol.TrimmingTemperaturePressureLength
            || humidity.Length != Bme280Protocol.TrimmingHumidityLength)
        {
            throw new ArgumentException("The trimming blocks are 26 bytes (0x88–0xA1) and 7 bytes (0xE1–0xE7).");
        }

        ReadOnlySpan<byte> tp = temperaturePressure;
        return new Bme280Trimming(
            T1: U16(tp, 0), T2: S16(tp, 2), T3: S16(tp, 4),
            P1: U16(tp, 6), P2: S16(tp, 8), P3: S16(tp, 10), P4: S16(tp, 12), P5: S16(tp, 14),
            P6: S16(tp, 16), P7: S16(tp, 18), P8: S16(tp, 20), P9: S16(tp, 22),
            // Byte 24 (0xA0) is reserved.
            H1: temperaturePressure[25],
            H2: BinaryPrimitives.ReadInt16LittleEndian(humidity),
            H3: humidity[2],
            H4: (short)(((sbyte)humidity[3] * 16) | (humidity[4] & 0x0F)),
            H5: (short)(((sbyte)humidity[5] * 16) | (humidity[4] >> 4)),
            H6: (sbyte)humidity[6]);
    }

    private static ushort U16(ReadOnlySpan<byte> bytes, int at) => BinaryPrimitives.ReadUInt16LittleEndian(bytes[at..]);

    private static short S16(ReadOnlySpan<byte> bytes, int at) => BinaryPrimitives.ReadInt16LittleEndian(bytes[at..]);

    /// <summary>The register bytes a chip holding these words shows at 0x88–0xA1; the inverse of <see cref="Parse"/>.</summary>
    public byte[] TemperaturePressureBytes()
    {
        byte[] bytes = new byte[Bme280Protocol.TrimmingTemperaturePressureLength];
        Span<byte> span = bytes;
        BinaryPrimitives.WriteUInt16LittleEndian(span[0..], T1);
        BinaryPrimitives.WriteInt16LittleEndian(span[2..], T2);
        BinaryPrimitives.WriteInt16LittleEndian(span[4..], T3);
        BinaryPrimitives.WriteUInt16LittleEndian(span[6..], P1);
        short[] pressure = [P2, P3, P4, P5, P6, P7, P8, P9];
        for (int i = 0; i < pressure.Length; i++)
        {
            BinaryPrimitives.WriteInt16LittleEndian(span[(8 + 2 * i)..], pressure[i]);
        }

        bytes[25] = H1;
        return bytes;
    }

    /// <summary>The register bytes a chip holding these words shows at 0xE1–0xE7; the inverse of <see cref="Parse"/>.</summary>
    public byte[] HumidityBytes()
    {
        if (H4 is < -2048 or > 2047 || H5 is < -2048 or > 2047)
        {
            throw new InvalidOperationException($"dig_H4 ({H4}) and dig_H5 ({H5}) are 12-bit signed values: -2048…2047.");
        }

        byte[] bytes = new byte[Bme280Protocol.TrimmingHumidityLength];
        BinaryPrimitives.WriteInt16LittleEndian(bytes, H2);
        bytes[2] = H3;
        bytes[3] = (byte)(H4 >> 4);
        bytes[4] = (byte)((H4 & 0x0F) | ((H5 & 0x0F) << 4));
        bytes[5] = (byte)(H5 >> 4);
        bytes[6] = (byte)H6;
        return bytes;
    }
}

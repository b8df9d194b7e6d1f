namespace EdgeNode.Sensors.Pms5003;

/// <summary>Builds the exact bytes of PMS5003 packets in both directions.</summary>
internal static class Pms5003FrameCodec
{
    /// <summary>
    /// Appendix I: "check code = start character 1 + start character 2 + … + data 13 low 8 bits"; Appendix II:
    /// "verify bytes: add of all the bytes except verify bytes". Both are a 16-bit sum.
    /// </summary>
    public static ushort Checksum(ReadOnlySpan<byte> bytes)
    {
        int sum = 0;
        foreach (byte b in bytes)
        {
            sum += b;
        }

        return (ushort)sum;
    }

    /// <summary>Appendix II: 0x42 0x4D, command, DATAH, DATAL, LRCH, LRCL.</summary>
    public static byte[] EncodeCommand(Pms5003Command command, ushort data)
    {
        byte[] packet = [Pms5003Protocol.Start1, Pms5003Protocol.Start2, (byte)command, (byte)(data >> 8), (byte)data, 0, 0];
        WriteChecksum(packet);
        return packet;
    }

    /// <summary>True when <paramref name="packet"/> is a whole host command with a correct check word.</summary>
    public static bool IsValidCommand(ReadOnlySpan<byte> packet) =>
        packet.Length == Pms5003Protocol.CommandLength
        && packet[0] == Pms5003Protocol.Start1 && packet[1] == Pms5003Protocol.Start2
        && ((packet[5] << 8) | packet[6]) == Checksum(packet[..5]);

    /// <summary>A sensor frame: start characters, frame length (data words × 2 + 2), words big-endian, check word.</summary>
    public static byte[] EncodeFrame(ReadOnlySpan<ushort> words)
    {
        int frameLength = (2 * words.Length) + 2;
        byte[] frame = new byte[Pms5003Protocol.HeaderLength + frameLength];
        frame[0] = Pms5003Protocol.Start1;
        frame[1] = Pms5003Protocol.Start2;
        frame[2] = (byte)(frameLength >> 8);
        frame[3] = (byte)frameLength;
        for (int i = 0; i < words.Length; i++)
        {
            frame[4 + (2 * i)] = (byte)(words[i] >> 8);
            frame[5 + (2 * i)] = (byte)words[i];
        }

        WriteChecksum(frame);
        return frame;
    }

    /// <summary>The 8-byte acknowledgement units send after 0xE1 and 0xE4 sleep.</summary>
    public static byte[] EncodeAcknowledgement(Pms5003Command command, byte data) => EncodeFrame([(ushort)(((byte)command << 8) | data)]);

    private static void WriteChecksum(byte[] packet)
    {
        ushort sum = Checksum(packet.AsSpan(0, packet.Length - 2));
        packet[^2] = (byte)(sum >> 8);
        packet[^1] = (byte)sum;
    }
}

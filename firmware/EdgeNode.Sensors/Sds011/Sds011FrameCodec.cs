namespace EdgeNode.Sensors.Sds011;

/// <summary>Builds the exact bytes of SDS011 packets, in both directions (Protocol V1.3 §1).</summary>
internal static class Sds011FrameCodec
{
    /// <summary>§1: "low 8 bits of the sum of the data bytes (not including packet head, tail and command id)".</summary>
    public static byte Checksum(ReadOnlySpan<byte> dataBytes)
    {
        int sum = 0;
        foreach (byte b in dataBytes)
        {
            sum += b;
        }

        return (byte)sum;
    }

    /// <summary>
    /// A 19-byte command: data byte 1 is the command, <paramref name="parameters"/> fill data bytes 2 onwards
    /// (at most 12), data bytes 14 and 15 address the sensor (§2: 0xFFFF = any).
    /// </summary>
    public static byte[] EncodeCommand(Sds011Command command, ReadOnlySpan<byte> parameters, ushort deviceId = Sds011Protocol.AnyDevice)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(parameters.Length, 12);
        byte[] packet = new byte[Sds011Protocol.CommandLength];
        packet[0] = Sds011Protocol.Head;
        packet[1] = Sds011Protocol.CommandId;
        packet[2] = (byte)command;
        parameters.CopyTo(packet.AsSpan(3));
        packet[15] = (byte)(deviceId >> 8);
        packet[16] = (byte)deviceId;
        packet[17] = Checksum(packet.AsSpan(2, 15));
        packet[18] = Sds011Protocol.Tail;
        return packet;
    }

    /// <summary>True when <paramref name="packet"/> is a whole command packet with a correct checksum.</summary>
    public static bool IsValidCommand(ReadOnlySpan<byte> packet) =>
        packet.Length == Sds011Protocol.CommandLength
        && packet[0] == Sds011Protocol.Head && packet[1] == Sds011Protocol.CommandId
        && packet[18] == Sds011Protocol.Tail
        && packet[17] == Checksum(packet.Slice(2, 15));

    /// <summary>The 10 bytes the sensor sends for <paramref name="frame"/>.</summary>
    public static byte[] Encode(Sds011Frame frame)
    {
        byte[] packet =
        [
            Sds011Protocol.Head, frame.Id,
            frame.Data1, frame.Data2, frame.Data3, frame.Data4, frame.Data5, frame.Data6,
            0, Sds011Protocol.Tail,
        ];
        packet[8] = Checksum(packet.AsSpan(2, 6));
        return packet;
    }
}

namespace EdgeNode.Sensors.Sds011;

/// <summary>
/// One 10-byte packet from the sensor (Protocol V1.3 §3): a measurement (0xC0) or a reply to a command (0xC5),
/// with its six data bytes. Head, checksum and tail are checked by the scanner and not kept.
/// </summary>
internal readonly record struct Sds011Frame(byte Id, byte Data1, byte Data2, byte Data3, byte Data4, byte Data5, byte Data6)
{
    public bool IsMeasurement => Id == Sds011Protocol.MeasurementId;

    /// <summary>§3.2: PM2.5 low byte, then high byte, in tenths of µg/m³.</summary>
    public int Pm25Tenths => Data1 | (Data2 << 8);

    /// <summary>§3.2: PM10 low byte, then high byte, in tenths of µg/m³.</summary>
    public int Pm10Tenths => Data3 | (Data4 << 8);

    /// <summary>§2: data bytes 5 and 6 of every frame are the sending sensor's id, byte 1 first ("ID A160" is A1 60).</summary>
    public ushort DeviceId => (ushort)((Data5 << 8) | Data6);

    /// <summary>§3: a reply repeats the command in data byte 1.</summary>
    public bool IsReplyTo(Sds011Command command) => Id == Sds011Protocol.ReplyId && Data1 == (byte)command;

    public static Sds011Frame Measurement(int pm25Tenths, int pm10Tenths, ushort deviceId) =>
        new(Sds011Protocol.MeasurementId, (byte)pm25Tenths, (byte)(pm25Tenths >> 8), (byte)pm10Tenths, (byte)(pm10Tenths >> 8),
            (byte)(deviceId >> 8), (byte)deviceId);

    public static Sds011Frame Reply(Sds011Command command, byte data2, byte data3, byte data4, ushort deviceId) =>
        new(Sds011Protocol.ReplyId, (byte)command, data2, data3, data4, (byte)(deviceId >> 8), (byte)deviceId);
}

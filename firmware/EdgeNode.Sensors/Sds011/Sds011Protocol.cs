namespace EdgeNode.Sensors.Sds011;

/// <summary>The fixed bytes and sizes of the SDS011 serial protocol (Laser Dust Sensor Control Protocol V1.3).</summary>
internal static class Sds011Protocol
{
    /// <summary>§1: 9600 bit/s, 8 data bits, no parity, one stop bit.</summary>
    public const int BaudRate = 9600;

    /// <summary>§1: every packet, in both directions, starts with this head byte…</summary>
    public const byte Head = 0xAA;

    /// <summary>§1: …and ends with this tail byte.</summary>
    public const byte Tail = 0xAB;

    /// <summary>§1: command id of a host-to-sensor packet.</summary>
    public const byte CommandId = 0xB4;

    /// <summary>§3.2: command id of a measurement (the answer to a query, or an active report).</summary>
    public const byte MeasurementId = 0xC0;

    /// <summary>§3: command id of the sensor's reply to a setting command.</summary>
    public const byte ReplyId = 0xC5;

    /// <summary>§1: head, command id, 15 data bytes, checksum, tail.</summary>
    public const int CommandLength = 19;

    /// <summary>§3: head, command id, 6 data bytes, checksum, tail.</summary>
    public const int FrameLength = 10;

    /// <summary>§2: device id 0xFFFF in a command addresses whichever sensor is on the line.</summary>
    public const ushort AnyDevice = 0xFFFF;

    /// <summary>§3.1, §3.4, §3.5, data byte 2: read the current setting…</summary>
    public const byte Query = 0;

    /// <summary>…or change it.</summary>
    public const byte Set = 1;

    /// <summary>§3.1, data byte 3: the sensor sends a measurement every working period on its own (factory default).</summary>
    public const byte ActiveReporting = 0;

    /// <summary>§3.1, data byte 3: the sensor sends a measurement only when queried.</summary>
    public const byte QueryReporting = 1;

    /// <summary>§3.4, data byte 3: fan and laser off.</summary>
    public const byte Sleep = 0;

    /// <summary>§3.4, data byte 3: fan and laser on.</summary>
    public const byte Work = 1;

    /// <summary>
    /// §3.2: "PM2.5 (µg/m³) = ((PM2.5 high byte × 256) + PM2.5 low byte) / 10", the same for PM10. Divided, not
    /// multiplied by 0.1, so that 1236 gives the double nearest 123.6, as a reader of the frame expects.
    /// </summary>
    public const double CountsPerMicrogramPerCubicMetre = 10;
}

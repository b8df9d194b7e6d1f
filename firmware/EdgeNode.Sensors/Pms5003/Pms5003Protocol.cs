namespace EdgeNode.Sensors.Pms5003;

/// <summary>The fixed bytes and sizes of the PMS5003 serial protocol (PMS5003 series data manual V2.3, Appendices I and II).</summary>
internal static class Pms5003Protocol
{
    /// <summary>Appendix I: "default baud rate 9600bps, check bit: none, stop bit: 1 bit".</summary>
    public const int BaudRate = 9600;

    /// <summary>Appendix I and II: start character 1, "B".</summary>
    public const byte Start1 = 0x42;

    /// <summary>Appendix I and II: start character 2, "M".</summary>
    public const byte Start2 = 0x4D;

    /// <summary>Appendix I: "frame length = 2 × 13 + 2 (data + check bytes)".</summary>
    public const ushort MeasurementLength = 2 * 13 + 2;

    /// <summary>
    /// The length field of the 8-byte answer units send to 0xE1 and to 0xE4 sleep (one word: command and data,
    /// then the check word). Not in the manual; seen on devices, so the driver accepts it and never needs it.
    /// </summary>
    public const ushort AcknowledgementLength = 2 + 2;

    /// <summary>Start characters and the length field come before the data.</summary>
    public const int HeaderLength = 4;

    /// <summary>Appendix I: 4 header bytes + 26 data bytes + 2 check bytes.</summary>
    public const int MeasurementFrameLength = HeaderLength + MeasurementLength;

    /// <summary>Appendix II: start characters, command, DATAH, DATAL, LRCH, LRCL.</summary>
    public const int CommandLength = 7;

    /// <summary>Appendix II, 0xE1 DATAL.</summary>
    public const byte PassiveMode = 0;

    /// <summary>Appendix II, 0xE1 DATAL.</summary>
    public const byte ActiveMode = 1;

    /// <summary>Appendix II, 0xE4 DATAL.</summary>
    public const byte Sleep = 0;

    /// <summary>Appendix II, 0xE4 DATAL.</summary>
    public const byte Wake = 1;
}

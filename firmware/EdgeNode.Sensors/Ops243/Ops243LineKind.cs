namespace EdgeNode.Sensors.Ops243;

/// <summary>What one line from the sensor turned out to be.</summary>
internal enum Ops243LineKind : byte
{
    /// <summary>Nothing but whitespace (a bare CR/LF, or "blank data reporting" left on).</summary>
    Blank,

    /// <summary>A speed report: a signed number, or a JSON object with a "speed" field.</summary>
    SpeedReport,

    /// <summary>A JSON object answering a command, such as <c>{"Units":"km-per-hr"}</c>.</summary>
    Answer,

    /// <summary>Readable text that is not OPS24x output, e.g. NMEA sentences from a GPS on the same port.</summary>
    ForeignText,

    /// <summary>Bytes that are not text at all: line noise, a wrong baud rate, an overlong line.</summary>
    Garbage,
}

namespace EdgeNode.Sensors.Pms5003;

/// <summary>
/// One intact frame from the sensor: a measurement (frame length 28, 13 data words; Appendix I) or the short
/// acknowledgement of a command (frame length 4, one word: command byte, data byte).
/// </summary>
internal sealed class Pms5003Frame(ushort frameLength, ushort[] words)
{
    public ushort FrameLength { get; } = frameLength;

    public IReadOnlyList<ushort> Words { get; } = words;

    public bool IsMeasurement => FrameLength == Pms5003Protocol.MeasurementLength;

    public ushort this[Pms5003DataWord word] => Words[(int)word];

    public bool IsAcknowledgementOf(Pms5003Command command) =>
        FrameLength == Pms5003Protocol.AcknowledgementLength && Words[0] >> 8 == (byte)command;
}

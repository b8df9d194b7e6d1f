using EdgeNode.Protocol.Messages;

namespace EdgeNode.Protocol.Codec;

/// <summary>
/// Turns every message of the protocol into its payload and back. Encoding a message the node built wrongly throws
/// <see cref="ArgumentException"/>; decoding anything that does not follow the protocol throws
/// <see cref="PayloadRejectedException"/> and nothing else.
/// </summary>
public static class EdgeCodec
{
    public static byte[] Encode(WindowBatch batch) => Encode(MessageKind.Batch, w => BatchCodec.Write(w, batch));

    public static byte[] Encode(HealthReport health) => Encode(MessageKind.Health, w => HealthCodec.Write(w, health));

    public static byte[] Encode(AlertMessage alert) => Encode(MessageKind.Alert, w => AlertCodec.Write(w, alert));

    public static byte[] Encode(AckMessage ack) => Encode(MessageKind.Ack, w => AckCodec.Write(w, ack));

    public static byte[] Encode(ConfigMessage config) => Encode(MessageKind.Config, w => ConfigCodec.Write(w, config));

    public static byte[] Encode(ConfigApplied applied) => Encode(MessageKind.ConfigApplied, w => ConfigCodec.Write(w, applied));

    public static byte[] Encode(StatusMessage status) => Encode(MessageKind.Status, w => StatusCodec.Write(w, status));

    public static WindowBatch DecodeBatch(ReadOnlyMemory<byte> payload) => Decode(payload, MessageKind.Batch, static (ref PayloadReader r) => BatchCodec.Read(ref r));

    public static HealthReport DecodeHealth(ReadOnlyMemory<byte> payload) => Decode(payload, MessageKind.Health, static (ref PayloadReader r) => HealthCodec.Read(ref r));

    public static AlertMessage DecodeAlert(ReadOnlyMemory<byte> payload) => Decode(payload, MessageKind.Alert, static (ref PayloadReader r) => AlertCodec.Read(ref r));

    public static AckMessage DecodeAck(ReadOnlyMemory<byte> payload) => Decode(payload, MessageKind.Ack, static (ref PayloadReader r) => AckCodec.Read(ref r));

    public static ConfigMessage DecodeConfig(ReadOnlyMemory<byte> payload) => Decode(payload, MessageKind.Config, static (ref PayloadReader r) => ConfigCodec.ReadConfig(ref r));

    public static ConfigApplied DecodeConfigApplied(ReadOnlyMemory<byte> payload) => Decode(payload, MessageKind.ConfigApplied, static (ref PayloadReader r) => ConfigCodec.ReadApplied(ref r));

    public static StatusMessage DecodeStatus(ReadOnlyMemory<byte> payload) => Decode(payload, MessageKind.Status, static (ref PayloadReader r) => StatusCodec.Read(ref r));

    /// <summary>
    /// The node id and batch (or alert) id that open a Batch or an Alert body, read even when the rest of the payload
    /// is refused: these two fields keep their place in every schema version, so the schema version and kind bytes are
    /// not checked. Null when the envelope cannot be opened or the two fields cannot be read.
    /// </summary>
    public static MessageOrigin? ReadOrigin(ReadOnlyMemory<byte> payload)
    {
        if (Envelope.OpenAnyVersion(payload) is not { } body)
        {
            return null;
        }
        var reader = new PayloadReader(body.Span);
        try
        {
            return new MessageOrigin(reader.NodeId(), reader.Unsigned("id"));
        }
        catch (Exception e) when (e is PayloadRejectedException or OverflowException)
        {
            return null;
        }
    }

    private delegate T BodyReader<T>(ref PayloadReader reader);

    private static byte[] Encode(MessageKind kind, Action<PayloadWriter> write)
    {
        var body = new PayloadWriter();
        write(body);
        return Envelope.Wrap(kind, body);
    }

    private static T Decode<T>(ReadOnlyMemory<byte> payload, MessageKind kind, BodyReader<T> read)
    {
        ReadOnlyMemory<byte> body = Envelope.Open(payload, kind);
        var reader = new PayloadReader(body.Span);
        try
        {
            return read(ref reader);
        }
        catch (OverflowException)
        {
            throw new PayloadRejectedException("a value overflows its range");
        }
    }
}

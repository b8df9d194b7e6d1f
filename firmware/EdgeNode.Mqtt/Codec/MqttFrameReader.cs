namespace EdgeNode.Mqtt.Codec;

/// <summary>
/// Cuts the byte stream into packets: fixed-header byte, Remaining Length, body. The size limit is
/// checked from the length field alone, before the body is allocated or read, so a hostile or broken
/// peer cannot make us reserve 256 MB with five bytes.
/// </summary>
internal sealed class MqttFrameReader(Stream stream, int maximumPacketBytes)
{
    private readonly byte[] _one = new byte[1];

    /// <summary>Null when the peer closed the stream cleanly between packets.</summary>
    public async ValueTask<(byte FixedHeader, byte[] Body)?> ReadAsync(CancellationToken cancellationToken)
    {
        if (!await TryReadByteAsync(cancellationToken).ConfigureAwait(false))
            return null;
        var fixedHeader = _one[0];

        var length = 0;
        for (var index = 0; ; index++)
        {
            if (!await TryReadByteAsync(cancellationToken).ConfigureAwait(false))
                throw new EndOfStreamException("The connection closed inside a packet's fixed header.");
            if (RemainingLength.Accumulate(_one[0], index, ref length))
            {
                var total = 1L + index + 1 + length;
                if (total > maximumPacketBytes)
                    throw new MqttProtocolViolationException(
                        "[MQTT-2.2.3]",
                        $"Incoming packet of {total:N0} bytes exceeds this client's MaximumIncomingPacketBytes ({maximumPacketBytes:N0}).");
                break;
            }
        }

        var body = length == 0 ? [] : new byte[length];
        if (length > 0)
            await stream.ReadExactlyAsync(body, cancellationToken).ConfigureAwait(false);
        return (fixedHeader, body);
    }

    private async ValueTask<bool> TryReadByteAsync(CancellationToken cancellationToken)
    {
        var read = await stream.ReadAsync(_one, cancellationToken).ConfigureAwait(false);
        return read == 1;
    }
}

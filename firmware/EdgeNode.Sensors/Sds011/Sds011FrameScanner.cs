namespace EdgeNode.Sensors.Sds011;

/// <summary>
/// Finds SDS011 frames in the bytes a serial port delivers, however they are cut: a frame may arrive one byte
/// at a time, start in the middle of noise, or be damaged. A candidate that fails its tail or checksum gives
/// up only its head byte, so a real frame starting inside it is still found. Counts what it saw, so that a
/// read that found nothing can say whether the line was silent, noisy or carried some other device.
/// </summary>
internal sealed class Sds011FrameScanner : IFrameScanner<Sds011Frame>
{
    private readonly FrameBuffer _buffer = new(64);

    /// <summary>Every byte appended since the last <see cref="Reset"/>.</summary>
    public int BytesReceived => _buffer.BytesReceived;

    /// <summary>Candidates with an SDS011 head and id whose tail or checksum was wrong.</summary>
    public int RejectedFrames => _buffer.RejectedFrames;

    /// <summary>True when the bytes held start like an SDS011 frame that has not been completed.</summary>
    public bool HoldsPartialFrame => _buffer.Held is [Sds011Protocol.Head, byte id, ..] && IsFrameId(id);

    public void Append(ReadOnlySpan<byte> received) => _buffer.Append(received);

    /// <summary>Takes the next intact frame, dropping whatever cannot start one; false when more bytes are needed.</summary>
    public bool TryTake(out Sds011Frame frame)
    {
        while (true)
        {
            _buffer.DropUntil(Sds011Protocol.Head);
            ReadOnlySpan<byte> held = _buffer.Held;
            if (held.Length >= 2 && !IsFrameId(held[1]))
            {
                _buffer.Drop(1);
                continue;
            }

            if (held.Length < Sds011Protocol.FrameLength)
            {
                frame = default;
                return false;
            }

            ReadOnlySpan<byte> candidate = held[..Sds011Protocol.FrameLength];
            if (candidate[9] == Sds011Protocol.Tail && candidate[8] == Sds011FrameCodec.Checksum(candidate.Slice(2, 6)))
            {
                frame = new Sds011Frame(candidate[1], candidate[2], candidate[3], candidate[4], candidate[5], candidate[6], candidate[7]);
                _buffer.Drop(Sds011Protocol.FrameLength);
                return true;
            }

            _buffer.Reject();
        }
    }

    /// <summary>Forgets held bytes and counts, before a new exchange.</summary>
    public void Reset() => _buffer.Reset();

    private static bool IsFrameId(byte id) => id is Sds011Protocol.MeasurementId or Sds011Protocol.ReplyId;
}

namespace EdgeNode.Sensors.Sds011;

/// <summary>
/// Finds SDS011 frames in the bytes a serial port delivers, however they are cut: a frame may arrive one byte
/// at a time, start in the middle of noise, or be damaged. A candidate that fails its tail or checksum gives
/// up only its head byte, so a real frame starting inside it is still found. Counts what it saw, so that a
/// read that found nothing can say whether the line was silent, noisy or carried some other device.
/// </summary>
internal sealed class Sds011FrameScanner
{
    private byte[] _bytes = new byte[64];
    private int _start;
    private int _end;

    /// <summary>Every byte appended since the last <see cref="Reset"/>.</summary>
    public int BytesReceived { get; private set; }

    /// <summary>Candidates with an SDS011 head and id whose tail or checksum was wrong.</summary>
    public int RejectedFrames { get; private set; }

    /// <summary>True when the bytes held start like an SDS011 frame that has not been completed.</summary>
    public bool HoldsPartialFrame => _end - _start >= 2 && _bytes[_start] == Sds011Protocol.Head && IsFrameId(_bytes[_start + 1]);

    public void Append(ReadOnlySpan<byte> received)
    {
        BytesReceived += received.Length;
        if (_end + received.Length > _bytes.Length)
        {
            int held = _end - _start;
            byte[] target = held + received.Length > _bytes.Length ? new byte[Math.Max(_bytes.Length * 2, held + received.Length)] : _bytes;
            Array.Copy(_bytes, _start, target, 0, held);
            _bytes = target;
            _start = 0;
            _end = held;
        }

        received.CopyTo(_bytes.AsSpan(_end));
        _end += received.Length;
    }

    /// <summary>Takes the next intact frame, dropping whatever cannot start one; false when more bytes are needed.</summary>
    public bool TryTake(out Sds011Frame frame)
    {
        while (true)
        {
            while (_start < _end && _bytes[_start] != Sds011Protocol.Head)
            {
                _start++;
            }

            int held = _end - _start;
            if (held >= 2 && !IsFrameId(_bytes[_start + 1]))
            {
                _start++;
                continue;
            }

            if (held < Sds011Protocol.FrameLength)
            {
                frame = default;
                return false;
            }

            ReadOnlySpan<byte> candidate = _bytes.AsSpan(_start, Sds011Protocol.FrameLength);
            if (candidate[9] == Sds011Protocol.Tail && candidate[8] == Sds011FrameCodec.Checksum(candidate.Slice(2, 6)))
            {
                frame = new Sds011Frame(candidate[1], candidate[2], candidate[3], candidate[4], candidate[5], candidate[6], candidate[7]);
                _start += Sds011Protocol.FrameLength;
                return true;
            }

            RejectedFrames++;
            _start++;
        }
    }

    /// <summary>Forgets held bytes and counts, before a new exchange.</summary>
    public void Reset()
    {
        _start = 0;
        _end = 0;
        BytesReceived = 0;
        RejectedFrames = 0;
    }

    private static bool IsFrameId(byte id) => id is Sds011Protocol.MeasurementId or Sds011Protocol.ReplyId;
}

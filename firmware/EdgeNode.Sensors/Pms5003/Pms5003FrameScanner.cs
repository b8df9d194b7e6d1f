namespace EdgeNode.Sensors.Pms5003;

/// <summary>
/// Finds PMS5003 frames in the bytes a serial port delivers, however they are cut: a frame may arrive one
/// byte at a time, start in the middle of noise, or be damaged. A candidate with an impossible length or a
/// wrong check word gives up only its first byte, so a real frame starting inside it is still found. Counts
/// what it saw, so that a read that found nothing can say whether the line was silent, noisy or carried some
/// other device.
/// </summary>
internal sealed class Pms5003FrameScanner
{
    private byte[] _bytes = new byte[128];
    private int _start;
    private int _end;

    /// <summary>Every byte appended since the last <see cref="Reset"/>.</summary>
    public int BytesReceived { get; private set; }

    /// <summary>Candidates starting "BM" whose length or check word was wrong.</summary>
    public int RejectedFrames { get; private set; }

    /// <summary>True when the bytes held start like a PMS5003 frame that has not been completed.</summary>
    public bool HoldsPartialFrame => _end - _start >= 2 && _bytes[_start] == Pms5003Protocol.Start1 && _bytes[_start + 1] == Pms5003Protocol.Start2;

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
    public bool TryTake(out Pms5003Frame? frame)
    {
        frame = null;
        while (true)
        {
            while (_start < _end && _bytes[_start] != Pms5003Protocol.Start1)
            {
                _start++;
            }

            int held = _end - _start;
            if (held >= 2 && _bytes[_start + 1] != Pms5003Protocol.Start2)
            {
                _start++;
                continue;
            }

            if (held < Pms5003Protocol.HeaderLength)
            {
                return false;
            }

            int frameLength = (_bytes[_start + 2] << 8) | _bytes[_start + 3];
            if (frameLength is not (Pms5003Protocol.MeasurementLength or Pms5003Protocol.AcknowledgementLength))
            {
                RejectedFrames++;
                _start++;
                continue;
            }

            int total = Pms5003Protocol.HeaderLength + frameLength;
            if (held < total)
            {
                return false;
            }

            ReadOnlySpan<byte> candidate = _bytes.AsSpan(_start, total);
            if (((candidate[^2] << 8) | candidate[^1]) != Pms5003FrameCodec.Checksum(candidate[..^2]))
            {
                RejectedFrames++;
                _start++;
                continue;
            }

            var words = new ushort[(frameLength - 2) / 2];
            for (int i = 0; i < words.Length; i++)
            {
                words[i] = (ushort)((candidate[4 + (2 * i)] << 8) | candidate[5 + (2 * i)]);
            }

            frame = new Pms5003Frame((ushort)frameLength, words);
            _start += total;
            return true;
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
}

using System.Diagnostics.CodeAnalysis;

namespace EdgeNode.Sensors.Pms5003;

/// <summary>
/// Finds PMS5003 frames in the bytes a serial port delivers, however they are cut: a frame may arrive one
/// byte at a time, start in the middle of noise, or be damaged. A candidate with an impossible length or a
/// wrong check word gives up only its first byte, so a real frame starting inside it is still found. Counts
/// what it saw, so that a read that found nothing can say whether the line was silent, noisy or carried some
/// other device.
/// </summary>
internal sealed class Pms5003FrameScanner : IFrameScanner<Pms5003Frame>
{
    private readonly FrameBuffer _buffer = new(128);

    /// <summary>Every byte appended since the last <see cref="Reset"/>.</summary>
    public int BytesReceived => _buffer.BytesReceived;

    /// <summary>Candidates starting "BM" whose length or check word was wrong.</summary>
    public int RejectedFrames => _buffer.RejectedFrames;

    /// <summary>True when the bytes held start like a PMS5003 frame that has not been completed.</summary>
    public bool HoldsPartialFrame => _buffer.Held is [Pms5003Protocol.Start1, Pms5003Protocol.Start2, ..];

    public void Append(ReadOnlySpan<byte> received) => _buffer.Append(received);

    /// <summary>Takes the next intact frame, dropping whatever cannot start one; false when more bytes are needed.</summary>
    public bool TryTake([MaybeNullWhen(false)] out Pms5003Frame frame)
    {
        frame = null;
        while (true)
        {
            _buffer.DropUntil(Pms5003Protocol.Start1);
            ReadOnlySpan<byte> held = _buffer.Held;
            if (held.Length >= 2 && held[1] != Pms5003Protocol.Start2)
            {
                _buffer.Drop(1);
                continue;
            }

            if (held.Length < Pms5003Protocol.HeaderLength)
            {
                return false;
            }

            int frameLength = (held[2] << 8) | held[3];
            if (frameLength is not (Pms5003Protocol.MeasurementLength or Pms5003Protocol.AcknowledgementLength))
            {
                _buffer.Reject();
                continue;
            }

            int total = Pms5003Protocol.HeaderLength + frameLength;
            if (held.Length < total)
            {
                return false;
            }

            ReadOnlySpan<byte> candidate = held[..total];
            if (((candidate[^2] << 8) | candidate[^1]) != Pms5003FrameCodec.Checksum(candidate[..^2]))
            {
                _buffer.Reject();
                continue;
            }

            ushort[] words = new ushort[(frameLength - 2) / 2];
            for (int i = 0; i < words.Length; i++)
            {
                words[i] = (ushort)((candidate[4 + (2 * i)] << 8) | candidate[5 + (2 * i)]);
            }

            frame = new Pms5003Frame((ushort)frameLength, words);
            _buffer.Drop(total);
            return true;
        }
    }

    /// <summary>Forgets held bytes and counts, before a new exchange.</summary>
    public void Reset() => _buffer.Reset();
}

namespace EdgeNode.Sensors;

/// <summary>
/// The bytes a serial port delivered and a frame scanner has not used yet, with the counts a diagnosis needs.
/// Not a <see cref="MemoryStream"/> or a queue: a scanner checks a candidate frame in place, as one contiguous
/// span, and gives up bytes at the front one at a time while it looks for a frame start in noise. So the start
/// only moves forward, and the held bytes are moved back to the front of the array only when a new chunk would
/// not fit behind them.
/// </summary>
internal sealed class FrameBuffer(int initialCapacity)
{
    private byte[] _bytes = new byte[initialCapacity];
    private int _start;
    private int _end;

    /// <summary>Every byte appended since the last <see cref="Reset"/>.</summary>
    public int BytesReceived { get; private set; }

    /// <summary>Candidates the scanner gave up with <see cref="Reject"/> since the last <see cref="Reset"/>.</summary>
    public int RejectedFrames { get; private set; }

    /// <summary>The bytes not yet taken or dropped, oldest first. Valid until the next call that changes the buffer.</summary>
    public ReadOnlySpan<byte> Held => _bytes.AsSpan(_start, _end - _start);

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

    /// <summary>Drops every held byte before the first <paramref name="frameStart"/>: none of them can start a frame.</summary>
    public void DropUntil(byte frameStart)
    {
        while (_start < _end && _bytes[_start] != frameStart)
        {
            _start++;
        }
    }

    /// <summary>Drops <paramref name="count"/> bytes at the front: a frame taken, or a byte that only looked like a frame start.</summary>
    public void Drop(int count) => _start += count;

    /// <summary>
    /// Counts a damaged candidate and drops only its first byte, so that a real frame starting inside it is
    /// still found.
    /// </summary>
    public void Reject()
    {
        RejectedFrames++;
        _start++;
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

namespace EdgeNode.Sensors.Ops243;

/// <summary>
/// Cuts the byte stream into lines at CR or LF (CRLF counts once: the empty line between them is dropped),
/// however the bytes arrive: one at a time, a line and a half, or many lines at once. A run of bytes with
/// no line end is cut every <see cref="Ops243LineParser.MaximumLineLength"/> bytes and reported as garbage,
/// so noise without newlines is still counted instead of silently filling memory.
/// </summary>
internal sealed class Ops243LineFramer
{
    private readonly byte[] _line = new byte[Ops243LineParser.MaximumLineLength];
    private int _length;
    private bool _overlong;

    /// <summary>Adds received bytes; every line they complete is decoded and appended to <paramref name="lines"/>.</summary>
    public void Push(ReadOnlySpan<byte> bytes, List<Ops243Line> lines)
    {
        foreach (byte b in bytes)
        {
            if (b is (byte)'\r' or (byte)'\n')
            {
                if (_overlong)
                {
                    lines.Add(Ops243Line.Garbage(Ops243LineParser.Excerpt(_line.AsSpan(0, _length))));
                }
                else if (_length > 0)
                {
                    lines.Add(Ops243LineParser.Parse(_line.AsSpan(0, _length)));
                }

                _length = 0;
                _overlong = false;
                continue;
            }

            if (_length == _line.Length)
            {
                lines.Add(Ops243Line.Garbage(Ops243LineParser.Excerpt(_line)));
                _length = 0;
                _overlong = true;
            }

            _line[_length++] = b;
        }
    }

    /// <summary>Forgets a partial line, e.g. after the input was discarded.</summary>
    public void Reset()
    {
        _length = 0;
        _overlong = false;
    }
}

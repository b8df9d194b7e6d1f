namespace EdgeNode.EndToEnd.Benchmarks.Wire;

/// <summary>
/// Follows one direction of an MQTT 5 byte stream as it passes, chunk by chunk, and adds up whole frames (fixed
/// header + remaining length + body) by packet type, and PUBLISH frames by topic's last levels (a PUBLISH that carries
/// only a topic alias is counted under the topic the alias was set to). It only reads headers: the proxy forwards the
/// bytes untouched whatever this makes of them.
/// </summary>
internal sealed class MqttFrameTally
{
    private static readonly string[] TypeNames =
        ["0?", "CONNECT", "CONNACK", "PUBLISH", "PUBACK", "PUBREC", "PUBREL", "PUBCOMP", "SUBSCRIBE", "SUBACK", "UNSUBSCRIBE", "UNSUBACK", "PINGREQ", "PINGRESP", "DISCONNECT", "15?"];

    private readonly Dictionary<string, (int Frames, long Bytes)> _byKind = [];
    private readonly List<byte> _header = [];
    private readonly Dictionary<int, string> _aliases = [];
    private byte[]? _frame;
    private int _frameFilled;

    /// <summary>Frame counts and bytes, by packet type ("PUBLISH up/batch" for publishes).</summary>
    public IReadOnlyDictionary<string, (int Frames, long Bytes)> ByKind
    {
        get { lock (_byKind)
            {
                return new Dictionary<string, (int, long)>(_byKind);
            }
        }
    }

    public void Add(ReadOnlySpan<byte> chunk)
    {
        while (!chunk.IsEmpty)
        {
            if (_frame is null)
            {
                // Fixed header: one type byte, then the remaining length in 1–4 bytes of 7 bits (MQTT 5, 2.1.4).
                _header.Add(chunk[0]);
                chunk = chunk[1..];
                if (_header.Count >= 2 && (_header[^1] & 0x80) == 0)
                {
                    int remaining = 0;
                    for (int i = 1; i < _header.Count; i++)
                    {
                        remaining |= (_header[i] & 0x7F) << (7 * (i - 1));
                    }
                    _frame = new byte[_header.Count + remaining];
                    _header.CopyTo(_frame);
                    _frameFilled = _header.Count;
                    _header.Clear();
                }
            }
            else
            {
                int take = Math.Min(chunk.Length, _frame.Length - _frameFilled);
                chunk[..take].CopyTo(_frame.AsSpan(_frameFilled));
                _frameFilled += take;
                chunk = chunk[take..];
            }
            if (_frame is not null && _frameFilled == _frame.Length)
            {
                Count(_frame);
                _frame = null;
            }
        }
    }

    private void Count(byte[] frame)
    {
        int type = frame[0] >> 4;
        string kind = TypeNames[type];
        if (type == 3)
        {
            int body = 1;
            while ((frame[body] & 0x80) != 0)
            {
                body++;
            }
            body++;
            int topicLength = (frame[body] << 8) | frame[body + 1];
            string topic = System.Text.Encoding.UTF8.GetString(frame, body + 2, topicLength);
            int? alias = TopicAlias(frame, body + 2 + topicLength, qos: (frame[0] >> 1) & 3);
            if (alias is { } a)
            {
                if (topic.Length > 0)
                {
                    _aliases[a] = topic;
                }
                else
                {
                    topic = _aliases.GetValueOrDefault(a, $"alias {a}");
                }
            }
            // edge/{node}/up/batch → "up/batch"; edge/{node}/status → "status".
            string[] levels = topic.Split('/');
            kind = $"PUBLISH {string.Join('/', levels.Skip(2))}";
        }
        lock (_byKind)
        {
            (int frames, long bytes) = _byKind.GetValueOrDefault(kind);
            _byKind[kind] = (frames + 1, bytes + frame.Length);
        }
    }

    /// <summary>The Topic Alias property (0x23, MQTT 5 3.3.2.3.4) of a PUBLISH, if it has one.</summary>
    private static int? TopicAlias(byte[] frame, int position, int qos)
    {
        if (qos > 0)
        {
            position += 2;
        }
        int length = 0, shift = 0;
        while (position < frame.Length)
        {
            byte b = frame[position++];
            length |= (b & 0x7F) << shift;
            shift += 7;
            if ((b & 0x80) == 0)
            {
                break;
            }
        }
        int end = Math.Min(frame.Length, position + length);
        while (position < end)
        {
            byte id = frame[position++];
            switch (id)
            {
                case 0x23:
                    return (frame[position] << 8) | frame[position + 1];
                case 0x01:
                    position += 1;
                    break;
                case 0x02:
                    position += 4;
                    break;
                case 0x03 or 0x08 or 0x09:
                    position += 2 + ((frame[position] << 8) | frame[position + 1]);
                    break;
                case 0x0B:
                    while ((frame[position++] & 0x80) != 0)
                    {
                    }
                    break;
                case 0x26:
                    position += 2 + ((frame[position] << 8) | frame[position + 1]);
                    position += 2 + ((frame[position] << 8) | frame[position + 1]);
                    break;
                default:
                    return null;
            }
        }
        return null;
    }
}

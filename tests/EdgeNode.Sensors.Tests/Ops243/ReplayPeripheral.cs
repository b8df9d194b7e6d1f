using System.Text;
using EdgeNode.Hardware.Emulation;

namespace EdgeNode.Sensors.Tests.Ops243;

/// <summary>
/// A stand-in OPS243 for streams no honest emulator would send: it answers ?P, ?V and U? (unless deaf),
/// ignores the configuration, and plays scripted bytes at scripted times after the first query.
/// </summary>
internal sealed class ReplayPeripheral(string product = "OPS243 Doppler") : IEmulatedSerialPeripheral
{
    private readonly List<(TimeSpan After, byte[] Bytes)> _script = [];
    private DateTimeOffset? _startedAt;
    private int _next;

    /// <summary>True for a one-way wire: the sensor's transmissions arrive, the host's commands never reach it.</summary>
    public bool Deaf { get; init; }

    /// <summary>Queues bytes to send <paramref name="after"/> the host's first command (the emulator's clock starts there).</summary>
    public ReplayPeripheral Then(TimeSpan after, byte[] bytes)
    {
        _script.Add((after, bytes));
        return this;
    }

    public ReplayPeripheral Then(TimeSpan after, string text) => Then(after, Encoding.ASCII.GetBytes(text));

    /// <summary>Queues the same line every <paramref name="interval"/> from <paramref name="from"/>, <paramref name="count"/> times.</summary>
    public ReplayPeripheral Repeat(TimeSpan from, TimeSpan interval, int count, string line)
    {
        for (int i = 0; i < count; i++)
        {
            Then(from + (interval * i), line + "\r\n");
        }

        return this;
    }

    public ReadOnlyMemory<byte> Receive(ReadOnlySpan<byte> fromHost, DateTimeOffset now)
    {
        _startedAt ??= now;
        if (Deaf)
        {
            return ReadOnlyMemory<byte>.Empty;
        }

        string command = Encoding.ASCII.GetString(fromHost);
        return Encoding.ASCII.GetBytes(command switch
        {
            "?P" => $"{{\"Product\":\"{product}\"}}\r\n",
            "?V" => "{\"Version\":\"1.3.1\"}\r\n",
            "U?" or "UK" => "{\"Units\":\"km-per-hr\"}\r\n",
            _ => "",
        });
    }

    public SerialEmission Emit(DateTimeOffset now)
    {
        _startedAt ??= now;
        _script.Sort((a, b) => a.After.CompareTo(b.After));
        var output = new List<byte>();
        while (_next < _script.Count && _startedAt + _script[_next].After <= now)
        {
            output.AddRange(_script[_next++].Bytes);
        }

        DateTimeOffset? nextAt = _next < _script.Count ? _startedAt + _script[_next].After : null;
        return new SerialEmission(output.ToArray(), nextAt);
    }
}

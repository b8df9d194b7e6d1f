using EdgeNode.Hardware.Emulation;

namespace EdgeNode.Sensors.Tests.Support;

/// <summary>
/// Wraps a peripheral so that each of its answers is cut after <paramref name="cutAt"/> bytes and the rest
/// arrives <paramref name="gap"/> later, as when a UART FIFO or USB adapter delivers a frame in two pieces.
/// </summary>
internal sealed class SplitAnswerPeripheral(IEmulatedSerialPeripheral inner, int cutAt, TimeSpan gap) : IEmulatedSerialPeripheral
{
    private readonly Queue<(DateTimeOffset Due, byte[] Bytes)> _pending = new();

    public ReadOnlyMemory<byte> Receive(ReadOnlySpan<byte> fromHost, DateTimeOffset now)
    {
        byte[] answer = inner.Receive(fromHost, now).ToArray();
        if (answer.Length <= cutAt)
        {
            return answer;
        }

        _pending.Enqueue((now + gap, answer[cutAt..]));
        return answer.AsMemory(0, cutAt);
    }

    public SerialEmission Emit(DateTimeOffset now)
    {
        var bytes = new List<byte>();
        while (_pending.TryPeek(out (DateTimeOffset Due, byte[] Bytes) next) && next.Due <= now)
        {
            bytes.AddRange(_pending.Dequeue().Bytes);
        }

        SerialEmission own = inner.Emit(now);
        bytes.AddRange(own.Bytes.ToArray());
        DateTimeOffset? nextAt = own.NextAt;
        if (_pending.TryPeek(out (DateTimeOffset Due, byte[] Bytes) waiting) && (nextAt is null || waiting.Due < nextAt))
        {
            nextAt = waiting.Due;
        }

        return new SerialEmission(bytes.ToArray(), nextAt);
    }
}

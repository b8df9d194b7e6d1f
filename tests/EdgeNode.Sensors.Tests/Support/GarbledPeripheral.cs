using EdgeNode.Hardware.Emulation;

namespace EdgeNode.Sensors.Tests.Support;

/// <summary>
/// Wraps a peripheral so that <paramref name="garbage"/> is put on the line before each of its answers and
/// streamed frames, as electrical noise or a half-received frame would.
/// </summary>
internal sealed class GarbledPeripheral(IEmulatedSerialPeripheral inner, Func<byte[]> garbage) : IEmulatedSerialPeripheral
{
    public ReadOnlyMemory<byte> Receive(ReadOnlySpan<byte> fromHost, DateTimeOffset now)
    {
        byte[] answer = inner.Receive(fromHost, now).ToArray();
        return answer.Length == 0 ? answer : [.. garbage(), .. answer];
    }

    public SerialEmission Emit(DateTimeOffset now)
    {
        SerialEmission own = inner.Emit(now);
        return own.Bytes.IsEmpty ? own : new SerialEmission((byte[])[.. garbage(), .. own.Bytes.ToArray()], own.NextAt);
    }
}

using EdgeNode.Hardware.Emulation;

namespace EdgeNode.Sensors.Tests.Support;

/// <summary>
/// Passes everything to a real emulator until <see cref="Replacement"/> is set; from then on every host
/// write is answered with what it returns instead (random bytes, a hand-made frame), and nothing is streamed.
/// Also records what the host wrote.
/// </summary>
internal sealed class ReplacingPeripheral(IEmulatedSerialPeripheral inner) : IEmulatedSerialPeripheral
{
    public Func<byte[]>? Replacement { get; set; }

    public List<byte[]> Written { get; } = [];

    public ReadOnlyMemory<byte> Receive(ReadOnlySpan<byte> fromHost, DateTimeOffset now)
    {
        Written.Add(fromHost.ToArray());
        return Replacement is { } replace ? replace() : inner.Receive(fromHost, now);
    }

    public SerialEmission Emit(DateTimeOffset now) => Replacement is null ? inner.Emit(now) : SerialEmission.Silent;
}

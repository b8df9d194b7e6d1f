namespace EdgeNode.Hardware.Emulation;

/// <summary>Bytes a peripheral sent on its own, and when it will next send (null: only when asked).</summary>
public readonly record struct SerialEmission(ReadOnlyMemory<byte> Bytes, DateTimeOffset? NextAt)
{
    public static SerialEmission Silent => new(ReadOnlyMemory<byte>.Empty, null);
}

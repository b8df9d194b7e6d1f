namespace EdgeNode.Protocol.Codec;

/// <summary>
/// The first byte of every payload. Nodes write <see cref="Current"/>; the fleet reads the current and the previous
/// version, so a fleet can be upgraded before its nodes and nodes roll forward at their own pace.
/// </summary>
public static class SchemaVersion
{
    public const byte Current = 1;

    /// <summary>The oldest version the fleet still reads (version 1 has no predecessor).</summary>
    public const byte OldestAccepted = Current > 1 ? Current - 1 : Current;

    public static bool IsAccepted(byte version) => version >= OldestAccepted && version <= Current;
}

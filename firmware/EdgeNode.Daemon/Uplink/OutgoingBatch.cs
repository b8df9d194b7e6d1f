namespace EdgeNode.Daemon.Uplink;

/// <summary>A batch on its way: its payload and which buffer rows to forget once the fleet has committed it.</summary>
public sealed record OutgoingBatch(
    ulong BatchId,
    byte[] Payload,
    IReadOnlyList<long> WindowIds,
    IReadOnlyList<long> GapIds,
    IReadOnlyList<long> DownsamplingIds,
    IReadOnlyList<long> SetAsideIds)
{
    public bool IsEmpty => WindowIds.Count == 0 && GapIds.Count == 0 && DownsamplingIds.Count == 0 && SetAsideIds.Count == 0;
}

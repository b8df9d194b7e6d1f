namespace EdgeNode.Protocol.Messages;

/// <summary>
/// What a node sends on <c>up/batch</c>: windows from its outbox, oldest first, and the buffer events the fleet has
/// not acknowledged yet. The node deletes them only when a <see cref="AckMessage"/> names <see cref="BatchId"/>.
/// </summary>
/// <param name="BatchId">Chosen by the node, unique among its batches in flight; the fleet echoes it in its ack.</param>
public sealed record WindowBatch(
    string NodeId,
    ulong BatchId,
    IReadOnlyList<WireWindow> Windows,
    IReadOnlyList<WireGap> Gaps,
    IReadOnlyList<WireDownsampling> Downsamplings,
    IReadOnlyList<WireSetAside> SetAside);

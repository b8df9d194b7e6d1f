namespace EdgeNode.Daemon.Buffer;

/// <summary>
/// One pass of the quota keeper merging windows into longer ones: the fleet is told that the span now has a
/// coarser resolution than the node measured.
/// </summary>
/// <param name="Id">To pass to <see cref="WindowBuffer.MarkDownsamplingsReported"/> once the fleet has it.</param>
/// <param name="From">Start of the oldest window merged.</param>
/// <param name="To">End of the newest window merged.</param>
/// <param name="WindowsMerged">How many windows of <paramref name="FromLength"/> went into the merge.</param>
/// <param name="WindowsProduced">How many windows of <paramref name="ToLength"/> replaced them.</param>
public sealed record BufferDownsampling(
    long Id,
    DateTimeOffset From,
    DateTimeOffset To,
    int WindowsMerged,
    TimeSpan FromLength,
    int WindowsProduced,
    TimeSpan ToLength,
    DateTimeOffset RecordedAt);

namespace EdgeNode.Daemon.Buffer;

/// <summary>Windows the node lost, recorded so that the fleet is told: the buffer never loses a window silently.</summary>
/// <param name="Id">To pass to <see cref="WindowBuffer.MarkGapsReported"/> once the fleet has it.</param>
/// <param name="From">Start of the oldest window lost.</param>
/// <param name="To">End of the newest window lost. Windows inside the span that were not lost stay in the outbox.</param>
/// <param name="WindowCount">How many windows were lost.</param>
public sealed record BufferGap(long Id, DateTimeOffset From, DateTimeOffset To, int WindowCount, GapCause Cause, DateTimeOffset RecordedAt);

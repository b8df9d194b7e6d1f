namespace EdgeNode.Daemon.Buffer;

/// <summary>Windows lost so far in one episode, gathered into the single gap they will be reported as.</summary>
internal readonly record struct DroppedSpan(DateTimeOffset From, DateTimeOffset To, int Count)
{
    public static DroppedSpan Of(DateTimeOffset start, DateTimeOffset end) => new(start, end, 1);

    public DroppedSpan Add(DroppedSpan other) =>
        new(other.From < From ? other.From : From, other.To > To ? other.To : To, Count + other.Count);

    public static DroppedSpan? Combine(DroppedSpan? a, DroppedSpan b) => a is { } existing ? existing.Add(b) : b;
}

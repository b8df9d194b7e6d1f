using EdgeNode.Fleet.Storage;

namespace EdgeNode.Fleet.Ingest;

/// <summary>
/// How many dead letters, and how many payload bytes, each sender has put in the store this period: past its quota a
/// dead letter is only counted (<see cref="DeadLetterDrop"/>), so a flood costs a counter, not a row. Kept in memory
/// per fleet instance: a restart, or each instance sharing the load, starts the period's count afresh.
/// </summary>
public sealed class DeadLetterQuota(DeadLetterOptions options)
{
    private readonly Dictionary<string, (int Messages, long Bytes, bool Dropping)> _used = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private DateTimeOffset _period;

    /// <summary>The item as it may go to the store: unchanged when within quota, its dead letter turned into a drop count when not.</summary>
    /// <param name="firstDrop">True for the sender's first drop of the period, the one worth a log line.</param>
    public IngestItem Admit(IngestItem item, DateTimeOffset at, out bool firstDrop)
    {
        firstDrop = false;
        if (item.DeadLetter is not { } letter)
        {
            return item;
        }
        DateTimeOffset period = options.PeriodStart(at);
        long stored = Math.Min(letter.Payload.Length, DeadLetter.MaximumStoredPayloadBytes);
        string sender = letter.NodeId ?? "";
        lock (_gate)
        {
            if (period > _period)
            {
                _used.Clear();
                _period = period;
            }
            (int Messages, long Bytes, bool Dropping) used = _used.GetValueOrDefault(sender);
            if (used.Messages + 1 > options.MaxPerNodePerPeriod || used.Bytes + stored > options.MaxBytesPerNodePerPeriod)
            {
                firstDrop = !used.Dropping;
                _used[sender] = used with { Dropping = true };
                return item with { DeadLetter = null, Drop = new DeadLetterDrop(letter.NodeId, _period, 1, letter.Payload.Length) };
            }
            _used[sender] = (used.Messages + 1, used.Bytes + stored, used.Dropping);
        }
        return item;
    }
}

using System.Globalization;

namespace EdgeNode.Fleet.Ingest;

/// <summary>
/// Where the ingest loop's time goes (gathering messages, committing them, sending the acks), summed over a period and
/// reported once per period: enough to tell a slow database from a slow broker without a profiler. Used by the single
/// commit loop only, so not thread-safe.
/// </summary>
internal sealed class IngestStageClock(TimeSpan period)
{
    private DateTime _since = DateTime.UtcNow;
    private int _commits;
    private long _messages;
    private long _rows;
    private TimeSpan _gathering;
    private TimeSpan _committing;
    private TimeSpan _acking;

    public void Gathered(TimeSpan elapsed) => _gathering += elapsed;

    public void Committed(int messages, long rows, TimeSpan committing, TimeSpan acking)
    {
        _commits++;
        _messages += messages;
        _rows += rows;
        _committing += committing;
        _acking += acking;
    }

    /// <summary>The period's summary once the period is over (and starts the next), otherwise null.</summary>
    public string? TakeReport()
    {
        TimeSpan elapsed = DateTime.UtcNow - _since;
        if (elapsed < period || _commits == 0)
        {
            return null;
        }
        string report = string.Create(CultureInfo.InvariantCulture,
            $"{_rows / elapsed.TotalSeconds:F0} rows/s over {elapsed.TotalSeconds:F0} s; {_commits} commits of {_rows / _commits:F0} rows ({_messages / (double)_commits:F1} messages) on average; " +
            $"gathering {_gathering.TotalMilliseconds / _commits:F0} ms, committing {_committing.TotalMilliseconds / _commits:F0} ms, acking {_acking.TotalMilliseconds / _commits:F0} ms per commit");
        _since = DateTime.UtcNow;
        _commits = 0;
        _messages = _rows = 0;
        _gathering = _committing = _acking = TimeSpan.Zero;
        return report;
    }
}

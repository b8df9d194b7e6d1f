namespace EdgeNode.Daemon.Alerts;

/// <summary>
/// The plain mean of the readings of the last <c>period</c>: those stamped in (newest − period, newest]. The
/// readings are kept (a PM sensor gives a dozen an hour), bounded by <c>maximumSamples</c>.
/// </summary>
internal sealed class RollingMean(TimeSpan period, int maximumSamples)
{
    // In time order, so that expiry takes from the front whatever order readings arrive in.
    private readonly List<(DateTimeOffset At, double Value)> _samples = [];

    public int Count => _samples.Count;

    public DateTimeOffset Newest => _samples[^1].At;

    /// <summary>Time from the oldest reading kept to the newest.</summary>
    public TimeSpan Span => _samples.Count == 0 ? TimeSpan.Zero : _samples[^1].At - _samples[0].At;

    public double Mean
    {
        get
        {
            // Summed afresh each time: a running sum that adds and subtracts for months drifts.
            double sum = 0;
            foreach ((_, double value) in _samples)
            {
                sum += value;
            }

            return sum / _samples.Count;
        }
    }

    /// <returns>False when the reading is already older than the period and was not kept.</returns>
    public bool Add(DateTimeOffset at, double value)
    {
        if (_samples.Count > 0 && at <= Newest - period)
        {
            return false;
        }

        int index = _samples.Count;
        while (index > 0 && _samples[index - 1].At > at)
        {
            index--;
        }

        _samples.Insert(index, (at, value));

        DateTimeOffset expiredUpTo = Newest - period;
        int expired = 0;
        while (expired < _samples.Count && _samples[expired].At <= expiredUpTo)
        {
            expired++;
        }

        _samples.RemoveRange(0, Math.Max(expired, _samples.Count - maximumSamples));
        return true;
    }
}

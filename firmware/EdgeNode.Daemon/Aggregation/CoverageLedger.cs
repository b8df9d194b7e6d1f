namespace EdgeNode.Daemon.Aggregation;

/// <summary>
/// How far each sensor's readings already cover, so that a new reading is credited only with time not yet
/// covered. One loop reads a sensor, so its readings arrive in time order and coverage is then the exact union
/// of their spans; a reading that arrives out of order is credited less, never more.
/// </summary>
internal sealed class CoverageLedger(WindowGrid grid)
{
    private readonly Dictionary<string, DateTimeOffset> _coveredUntil = new(StringComparer.Ordinal);

    /// <summary>Credits what [from, to) adds for <paramref name="sensor"/> to the windows it overlaps, got from <paramref name="windowAt"/>.</summary>
    public void Credit(string sensor, DateTimeOffset from, DateTimeOffset to, Func<DateTimeOffset, WindowAccumulator> windowAt)
    {
        if (_coveredUntil.TryGetValue(sensor, out DateTimeOffset coveredUntil) && coveredUntil > from)
        {
            from = coveredUntil;
        }

        if (to <= from)
        {
            return;
        }

        _coveredUntil[sensor] = to;
        for (DateTimeOffset start = grid.StartOf(from); start < to; start += grid.Length)
        {
            DateTimeOffset end = start + grid.Length;
            TimeSpan share = (to < end ? to : end) - (from > start ? from : start);
            windowAt(start).Sensor(sensor).AddCoverage(share);
        }
    }

    /// <summary>Takes back from <paramref name="window"/> the coverage readings held forward past <paramref name="now"/>: the node will not be there to see it.</summary>
    public void TrimAfter(WindowAccumulator window, DateTimeOffset now)
    {
        DateTimeOffset end = window.Start + grid.Length;
        foreach ((string sensor, DateTimeOffset coveredUntil) in _coveredUntil)
        {
            if (coveredUntil > now && window.HasSensor(sensor))
            {
                window.Sensor(sensor).AddCoverage(-((coveredUntil < end ? coveredUntil : end) - now));
            }
        }
    }

    /// <summary>Forgets everything: after a clock step, old spans say nothing about the new time line.</summary>
    public void Clear() => _coveredUntil.Clear();
}

namespace EdgeNode.Daemon.Aggregation;

/// <summary>
/// The speeds of one window, kept for an exact percentile up to a bound. Past the bound it keeps a uniform
/// random sample of all speeds seen (reservoir sampling, Vitter's algorithm R), so memory stays fixed and the
/// percentile stays an unbiased estimate instead of describing only the first vehicles of the window.
/// </summary>
internal sealed class SpeedSample(int capacity, int seed)
{
    private readonly List<double> _kept = [];
    private Random? _random;
    private long _seen;

    public void Add(double speedKilometresPerHour)
    {
        _seen++;
        if (_kept.Count < capacity)
        {
            _kept.Add(speedKilometresPerHour);
            return;
        }

        _random ??= new Random(seed);
        long slot = _random.NextInt64(_seen);
        if (slot < capacity)
        {
            _kept[(int)slot] = speedKilometresPerHour;
        }
    }

    /// <summary>True while every speed seen is kept, so percentiles are exact.</summary>
    public bool IsExact => _seen == _kept.Count;

    public double? Percentile(int percent)
    {
        double[] copy = [.. _kept];
        return NearestRankPercentile.Of(copy, percent);
    }
}

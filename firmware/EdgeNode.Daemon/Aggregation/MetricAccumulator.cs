using EdgeNode.Daemon.Windows;
using EdgeNode.Sensors;

namespace EdgeNode.Daemon.Aggregation;

/// <summary>Running count, sum, extremes and latest value of one metric in one window: what stands in for the samples.</summary>
internal sealed class MetricAccumulator(Metric metric)
{
    private int _count;
    private double _sum;
    private double _minimum = double.PositiveInfinity;
    private double _maximum = double.NegativeInfinity;
    private double _last;
    private DateTimeOffset _lastAt = DateTimeOffset.MinValue;

    public void Add(double value, DateTimeOffset at)
    {
        _count++;
        _sum += value;
        _minimum = Math.Min(_minimum, value);
        _maximum = Math.Max(_maximum, value);

        // By timestamp, not by arrival: two loops may report out of order, and "last" means latest in time.
        if (at >= _lastAt)
        {
            _last = value;
            _lastAt = at;
        }
    }

    public MetricSummary ToSummary() => new(metric, _count, _sum / _count, _minimum, _maximum, _last);
}

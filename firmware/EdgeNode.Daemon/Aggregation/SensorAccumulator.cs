using EdgeNode.Daemon.Windows;
using EdgeNode.Sensors;

namespace EdgeNode.Daemon.Aggregation;

/// <summary>What one sensor gave during one window, as running figures.</summary>
internal sealed class SensorAccumulator(string sensor)
{
    private readonly SortedDictionary<Metric, MetricAccumulator> _metrics = [];
    private int _faults;
    private SensorFaultKind? _lastFault;
    private DateTimeOffset _lastFaultAt = DateTimeOffset.MinValue;

    /// <summary>Time of this window covered by valid samples, each overlap counted once.</summary>
    public TimeSpan Covered { get; private set; }

    public void AddCoverage(TimeSpan span) => Covered += span;

    public void Add(Measurement measurement, DateTimeOffset at)
    {
        if (!_metrics.TryGetValue(measurement.Metric, out MetricAccumulator? metric))
        {
            metric = new MetricAccumulator(measurement.Metric);
            _metrics.Add(measurement.Metric, metric);
        }

        metric.Add(measurement.Value, at);
    }

    public void AddFault(SensorFaultKind kind, DateTimeOffset at)
    {
        _faults++;
        if (at >= _lastFaultAt)
        {
            _lastFault = kind;
            _lastFaultAt = at;
        }
    }

    /// <summary>No value, no fault and no coverage in this window.</summary>
    public bool IsEmpty => _faults == 0 && _metrics.Count == 0 && Covered == TimeSpan.Zero;

    /// <summary>The sensor gave nothing in this window: it carries the fault it is known to be in, without counting a failed reading.</summary>
    public void CarryFault(SensorFaultKind kind)
    {
        if (_faults == 0 && _lastFault is null)
        {
            _lastFault = kind;
        }
    }

    /// <param name="observed">How much of the window the node was running for: the whole length, or less when it stopped early.</param>
    public SensorWindow ToWindow(TimeSpan length, TimeSpan observed)
    {
        double coverage = Math.Min(Covered.Ticks, observed.Ticks) / (double)length.Ticks;
        return new SensorWindow(sensor, coverage, [.. _metrics.Values.Select(m => m.ToSummary())], _faults, _lastFault);
    }
}

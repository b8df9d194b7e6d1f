using System.Threading.Channels;
using EdgeNode.Sensors;

namespace EdgeNode.Daemon.Alerts;

/// <summary>
/// Watches the readings for pollution episodes: keeps a rolling mean per metric that has a threshold, and writes a
/// <see cref="PollutionAlert"/> to <see cref="Alerts"/> the moment a threshold is crossed either way. Works on the
/// readings' own timestamps, never on a clock. Safe to call from several sensor loops at once; when two sensors
/// give the same metric, their readings share one mean.
/// </summary>
public sealed class PollutionAlertEvaluator
{
    private readonly Lock _lock = new();
    private readonly TimeSpan _rollingPeriod;
    private readonly TimeSpan _minimumSpan;
    private readonly Dictionary<Metric, RollingMean> _means = [];
    private readonly Dictionary<Metric, List<HysteresisTrigger>> _triggers = [];
    private readonly Channel<PollutionAlert> _alerts = Channel.CreateUnbounded<PollutionAlert>();

    /// <exception cref="ArgumentException">The settings are out of range; the message says which and what to set.</exception>
    public PollutionAlertEvaluator(PollutionAlertOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _rollingPeriod = options.RollingPeriod;
        _minimumSpan = options.RollingPeriod * options.MinimumSpanFraction;
        foreach (PollutionThreshold threshold in options.Thresholds.Distinct())
        {
            if (!_triggers.TryGetValue(threshold.Metric, out List<HysteresisTrigger>? triggers))
            {
                triggers = [];
                _triggers.Add(threshold.Metric, triggers);
                _means.Add(threshold.Metric, new RollingMean(options.RollingPeriod, options.MaximumSamplesPerMetric));
            }

            triggers.Add(new HysteresisTrigger(threshold, options.HysteresisFraction, options.MinimumClearDuration));
        }
    }

    /// <summary>Alerts raised and cleared, in the order they happened; meant for a queue that sends them before any window.</summary>
    public ChannelReader<PollutionAlert> Alerts => _alerts.Reader;

    /// <summary>The thresholds whose alert is raised now (e.g. for a finer window while an episode lasts).</summary>
    public IReadOnlyList<PollutionThreshold> Raised
    {
        get
        {
            lock (_lock)
            {
                return [.. _triggers.Values.SelectMany(t => t).Where(t => t.IsRaised).Select(t => t.Threshold)];
            }
        }
    }

    /// <summary>Takes one valid reading; values of metrics without a threshold, and values that are not numbers, are ignored.</summary>
    public void Observe(IReadOnlyList<Measurement> measurements, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(measurements);
        lock (_lock)
        {
            foreach (Measurement measurement in measurements)
            {
                if (double.IsFinite(measurement.Value) && _means.TryGetValue(measurement.Metric, out RollingMean? mean))
                {
                    Evaluate(measurement.Metric, mean, measurement.Value, at);
                }
            }
        }
    }

    /// <summary>No more readings will come (the node is stopping).</summary>
    public void Complete() => _alerts.Writer.TryComplete();

    private void Evaluate(Metric metric, RollingMean mean, double value, DateTimeOffset at)
    {
        if (!mean.Add(at, value))
        {
            return;
        }

        bool enough = mean.Span >= _minimumSpan;
        double meanValue = mean.Mean;
        foreach (HysteresisTrigger trigger in _triggers[metric])
        {
            if (!enough)
            {
                trigger.Interrupt();
                continue;
            }

            // The newest time, not this reading's: a reading that arrives out of order must not turn the clock back.
            if (trigger.Evaluate(meanValue, mean.Newest) is { } transition)
            {
                PollutionThreshold threshold = trigger.Threshold;
                _alerts.Writer.TryWrite(new PollutionAlert(metric, threshold.Band, transition, meanValue,
                    threshold.ThresholdMicrogramsPerCubicMetre, _rollingPeriod, mean.Newest));
            }
        }
    }
}

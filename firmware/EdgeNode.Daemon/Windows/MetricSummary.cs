using EdgeNode.Sensors;

namespace EdgeNode.Daemon.Windows;

/// <summary>One metric over one window: what the node keeps instead of every sample.</summary>
/// <param name="Count">Valid samples in the window; never 0 (a metric with no valid sample is left out).</param>
public sealed record MetricSummary(Metric Metric, int Count, double Mean, double Minimum, double Maximum, double Last);

using EdgeNode.Protocol.Catalogue;

namespace EdgeNode.Protocol.Messages;

/// <summary>One metric over one window. Values travel quantised to <see cref="WireMetric.Step"/>.</summary>
public sealed record WireMetricSummary(WireMetric Metric, int Count, double Mean, double Minimum, double Maximum, double Last);

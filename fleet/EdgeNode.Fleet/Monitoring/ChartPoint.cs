namespace EdgeNode.Fleet.Monitoring;

/// <summary>One window on a chart: its start, its mean, and the range it covered.</summary>
public readonly record struct ChartPoint(DateTimeOffset At, double Mean, double Minimum, double Maximum);

using EdgeNode.Protocol.AirQuality;
using EdgeNode.Sensors;

namespace EdgeNode.Daemon.Alerts;

/// <summary>
/// A pollution alert raised or cleared, emitted the moment it happens for the uplink to send ahead of any window.
/// </summary>
/// <param name="RollingMeanMicrogramsPerCubicMetre">The mean over <paramref name="RollingPeriod"/> that caused the transition.</param>
/// <param name="At">The time of the reading that caused the transition.</param>
public sealed record PollutionAlert(
    Metric Metric,
    AirQualityBand Band,
    AlertTransition Transition,
    double RollingMeanMicrogramsPerCubicMetre,
    double ThresholdMicrogramsPerCubicMetre,
    TimeSpan RollingPeriod,
    DateTimeOffset At);

using EdgeNode.Daemon.Wire;
using EdgeNode.Protocol.AirQuality;
using EdgeNode.Sensors;

namespace EdgeNode.Daemon.Alerts;

/// <summary>One alert level: a rolling mean of <see cref="Metric"/> at or above the threshold raises an alert.</summary>
/// <param name="Band">The index band the threshold opens; every alert carries it, so staff read "Poor", not only a number.</param>
public sealed record PollutionThreshold(Metric Metric, AirQualityBand Band, double ThresholdMicrogramsPerCubicMetre)
{
    /// <summary>The threshold at the lower bound of <paramref name="band"/> in the European Air Quality Index.</summary>
    /// <exception cref="ArgumentException">The index has no bands for <paramref name="metric"/>.</exception>
    public static PollutionThreshold AtBand(Metric metric, AirQualityBand band) =>
        new(metric, band, EuropeanAirQualityIndex.LowerBound(WireCodes.ToWire(metric).Name, band));
}

using EdgeNode.Protocol.AirQuality;

namespace EdgeNode.Fleet.AirQuality;

/// <summary>One pollutant's mean over the averaging period and the band it falls in.</summary>
/// <param name="Metric">The stored metric name, e.g. <c>pm25_ugm3</c>.</param>
public sealed record PollutantReading(string Metric, double MeanMicrogramsPerCubicMetre, AirQualityBand Band);

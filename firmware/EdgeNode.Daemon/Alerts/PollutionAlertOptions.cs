using EdgeNode.Daemon.Wire;
using EdgeNode.Protocol.AirQuality;
using EdgeNode.Sensors;

namespace EdgeNode.Daemon.Alerts;

/// <summary>Settings of the pollution alerts, bound from the <see cref="SectionName"/> section and checked at start.</summary>
public sealed class PollutionAlertOptions
{
    public const string SectionName = "Alerts";

    /// <summary>
    /// PM2.5 and PM10 at the lower bound of "Poor" in the European Air Quality Index: 50 and 120 µg/m³. The EEA
    /// classifies hourly concentrations, and the default rolling mean is one hour to match.
    /// </summary>
    public static IReadOnlyList<PollutionThreshold> DefaultThresholds { get; } =
    [
        PollutionThreshold.AtBand(Metric.Pm25MicrogramsPerCubicMetre, AirQualityBand.Poor),
        PollutionThreshold.AtBand(Metric.Pm10MicrogramsPerCubicMetre, AirQualityBand.Poor),
    ];

    public IReadOnlyList<PollutionThreshold> Thresholds { get; set; } = DefaultThresholds;

    /// <summary>
    /// The period of the rolling mean compared with the thresholds. Unlike the EEA's clock-hour values it moves
    /// with every reading, so an episode is reported within minutes rather than at the next full hour.
    /// </summary>
    public TimeSpan RollingPeriod { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// Readings must span at least this fraction of <see cref="RollingPeriod"/> before the mean is judged: one
    /// reading after a restart is not an hourly mean. 0.75 follows the usual 75 % data-capture rule for air-quality
    /// averages; with a PM sensor read every 5 minutes, that is ten readings.
    /// </summary>
    public double MinimumSpanFraction { get; set; } = 0.75;

    /// <summary>An alert clears only below the threshold less this fraction of it (0.10: below 45 µg/m³ for a 50 µg/m³ threshold).</summary>
    public double HysteresisFraction { get; set; } = 0.10;

    /// <summary>…and only after the mean has stayed there this long, so that a mean hovering at the margin does not flap.</summary>
    public TimeSpan MinimumClearDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Readings kept per metric for the rolling mean; 3,600 is one a second for an hour. Past it the oldest go first.</summary>
    public int MaximumSamplesPerMetric { get; set; } = 3600;

    /// <summary>Throws with every problem found, worded for the person editing the node's configuration.</summary>
    /// <exception cref="ArgumentException">A setting is out of range.</exception>
    public void Validate()
    {
        var problems = new List<string>();
        if (RollingPeriod <= TimeSpan.Zero || RollingPeriod > TimeSpan.FromDays(1))
        {
            problems.Add($"{SectionName}:{nameof(RollingPeriod)} is {RollingPeriod}; it must be between zero and one day (default 01:00:00).");
        }

        if (!(MinimumSpanFraction is >= 0 and <= 1))
        {
            problems.Add($"{SectionName}:{nameof(MinimumSpanFraction)} is {MinimumSpanFraction}; it must be between 0 and 1 (default 0.75).");
        }

        if (!(HysteresisFraction is >= 0 and < 1))
        {
            problems.Add($"{SectionName}:{nameof(HysteresisFraction)} is {HysteresisFraction}; it must be at least 0 and below 1 (default 0.10).");
        }

        if (MinimumClearDuration < TimeSpan.Zero)
        {
            problems.Add($"{SectionName}:{nameof(MinimumClearDuration)} is {MinimumClearDuration}; it cannot be negative (default 00:15:00).");
        }

        if (MaximumSamplesPerMetric < 1)
        {
            problems.Add($"{SectionName}:{nameof(MaximumSamplesPerMetric)} is {MaximumSamplesPerMetric}; it must be at least 1 (default 3600).");
        }

        if (Thresholds is null)
        {
            problems.Add($"{SectionName}:{nameof(Thresholds)} is missing; leave it out to get the defaults (PM2.5 and PM10 at \"Poor\"), or give an empty list for no alerts.");
        }

        foreach (PollutionThreshold threshold in Thresholds ?? [])
        {
            if (!EuropeanAirQualityIndex.Covers(WireCodes.ToWire(threshold.Metric).Name))
            {
                problems.Add($"{SectionName}:{nameof(Thresholds)} has a threshold for {threshold.Metric}; pollution alerts are for PM2.5, PM10 and NO2.");
            }

            if (!double.IsFinite(threshold.ThresholdMicrogramsPerCubicMetre) || threshold.ThresholdMicrogramsPerCubicMetre <= 0)
            {
                problems.Add($"{SectionName}:{nameof(Thresholds)} has {threshold.ThresholdMicrogramsPerCubicMetre} µg/m³ for {threshold.Metric}; a threshold must be a positive number.");
            }
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException("The alert settings cannot be used: " + string.Join(" ", problems));
        }
    }
}

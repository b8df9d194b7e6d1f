namespace EdgeNode.Sensors.Ops243;

/// <summary>How the counter turns speed reports into passages, and how it watches the sensor. Every default is a setting.</summary>
public sealed record Ops243Settings
{
    /// <summary>
    /// A passage ends when no report in its direction has come for this long. The sensor reports 10–20 times a
    /// second while a vehicle is in the beam, so 1 s bridges a few missed reports (a fading echo) without
    /// merging two vehicles that are more than a second apart at the edge of the beam.
    /// </summary>
    public TimeSpan HoldTime { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The sensor is told not to report slower targets (R&gt;n). 10 km/h keeps pedestrians and swaying
    /// branches out and keeps cyclists and crawling cars in.
    /// </summary>
    public double MinimumSpeedKilometresPerHour { get; init; } = 10;

    /// <summary>
    /// Reports a run needs to count as a vehicle. Even a car at 130 km/h stays in the beam for most of a second
    /// (≈ 10 reports); a lone report or two is a bird, rain or a reflection.
    /// </summary>
    public int MinimumReportsPerPassage { get; init; } = 3;

    /// <summary>
    /// How often the counter asks the sensor for its unit (<c>U?</c>). A radar on an empty road is silent for
    /// minutes; the answer is what tells an empty road from a dead sensor, and it also catches a sensor that
    /// rebooted to its factory unit (m/s) so it can be set back to km/h.
    /// </summary>
    public TimeSpan HealthCheckInterval { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How long to wait for an answer. The sensor answers at once; at 19200 baud 30 bytes take 16 ms.</summary>
    public TimeSpan AnswerTimeout { get; init; } = TimeSpan.FromSeconds(1);

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(HoldTime, TimeSpan.Zero, nameof(HoldTime));
        ArgumentOutOfRangeException.ThrowIfLessThan(MinimumSpeedKilometresPerHour, 1, nameof(MinimumSpeedKilometresPerHour));
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(MinimumSpeedKilometresPerHour,
            Ops243Doppler.ConfiguredMaximumSpeedKilometresPerHour, nameof(MinimumSpeedKilometresPerHour));
        ArgumentOutOfRangeException.ThrowIfLessThan(MinimumReportsPerPassage, 1, nameof(MinimumReportsPerPassage));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(HealthCheckInterval, AnswerTimeout * 2, nameof(HealthCheckInterval));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(AnswerTimeout, TimeSpan.Zero, nameof(AnswerTimeout));
    }
}

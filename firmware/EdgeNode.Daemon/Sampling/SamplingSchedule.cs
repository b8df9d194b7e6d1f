namespace EdgeNode.Daemon.Sampling;

/// <summary>How often a sensor is read, and for a sensor that sleeps, how long it stays awake.</summary>
/// <param name="Interval">Between two readings; for a duty-cycled sensor, between two wake-ups.</param>
/// <param name="ReadingTime">Duty-cycled sensors only: how long to read once warmed up, before sleeping again.</param>
/// <param name="ReadingSpacing">Duty-cycled sensors only: between two readings while awake.</param>
public sealed record SamplingSchedule(TimeSpan Interval, TimeSpan ReadingTime, TimeSpan ReadingSpacing)
{
    /// <summary>A reading a minute: plenty for 15-minute windows of slowly changing air.</summary>
    public static SamplingSchedule EveryMinute { get; } = new(TimeSpan.FromMinutes(1), TimeSpan.Zero, TimeSpan.Zero);

    /// <summary>
    /// Particulate sensors: awake every 5 minutes for their warm-up plus 10 s of readings 2.5 s apart, so the
    /// fan and laser run about 40 s in 300 (the SDS011's laser is rated for about 8000 h of running).
    /// </summary>
    public static SamplingSchedule DutyCycledParticulates { get; } = new(TimeSpan.FromMinutes(5), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(2.5));
}

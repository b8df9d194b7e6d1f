namespace EdgeNode.Daemon.Aggregation;

/// <summary>Settings of the aggregator, bound from the <see cref="SectionName"/> section and checked at start.</summary>
public sealed class WindowAggregationOptions
{
    public const string SectionName = "Aggregation";

    /// <summary>Length of a window; it must divide a day so that windows fall at the same clock times every day.</summary>
    public TimeSpan WindowLength { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// How long after its end a window stays open for readings stamped inside it. Sensor loops stamp a reading,
    /// then report it; without this, a reading stamped at 10:14:59.999 and reported a moment after the 10:15
    /// close would be lost. Anything reported later than this is dropped and counted, never put in the wrong window.
    /// </summary>
    public TimeSpan LateArrivalGrace { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>True when a traffic sensor is fitted: every window then carries traffic, zero when no vehicle passed.</summary>
    public bool VehicleCounterFitted { get; set; }

    /// <summary>
    /// Vehicle speeds kept per window for the exact V85 (8 bytes each). A saturated lane carries about 1,800
    /// vehicles an hour, so a two-lane road fills a 15-minute window with about 900; 4,096 leaves four times that.
    /// Beyond it the speeds kept are a uniform random sample of all of them and V85 becomes an estimate.
    /// </summary>
    public int MaximumSpeedsPerWindow { get; set; } = 4096;

    /// <summary>
    /// A wall clock that moves this much further (or back) than the monotonic clock has been stepped (a Raspberry Pi
    /// boots with a stale clock and NTP later jumps it by hours or years). The aggregator then closes what it
    /// holds as partial and starts again, rather than emitting a window for every quarter-hour in between. A stall of
    /// the process moves both clocks alike: it is no step, and every window it lasted is emitted.
    /// </summary>
    public TimeSpan ClockStepThreshold { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Throws with every problem found, worded for the person editing the node's configuration.</summary>
    /// <exception cref="ArgumentException">A setting is out of range.</exception>
    public void Validate()
    {
        var problems = new List<string>();
        if (!WindowGrid.IsValidLength(WindowLength, out string? lengthProblem))
        {
            problems.Add(lengthProblem);
        }

        if (LateArrivalGrace < TimeSpan.Zero || LateArrivalGrace * 2 > WindowLength)
        {
            problems.Add($"{SectionName}:{nameof(LateArrivalGrace)} is {LateArrivalGrace}; it must be between zero and half the window length ({WindowLength / 2}). A few seconds is enough.");
        }

        if (MaximumSpeedsPerWindow < 1)
        {
            problems.Add($"{SectionName}:{nameof(MaximumSpeedsPerWindow)} is {MaximumSpeedsPerWindow}; it must be at least 1 (default 4096).");
        }

        if (ClockStepThreshold <= TimeSpan.Zero)
        {
            problems.Add($"{SectionName}:{nameof(ClockStepThreshold)} is {ClockStepThreshold}; it must be positive (default 01:00:00).");
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException("The aggregation settings cannot be used: " + string.Join(" ", problems));
        }
    }
}

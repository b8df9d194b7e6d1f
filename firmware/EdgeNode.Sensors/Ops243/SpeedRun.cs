namespace EdgeNode.Sensors.Ops243;

/// <summary>
/// The reports of the one vehicle currently in the beam in one direction. It holds speeds only (no time
/// series is kept beyond first and last report) and only until the passage closes.
/// </summary>
internal sealed class SpeedRun(DateTimeOffset firstAt)
{
    // A vehicle stays in the beam seconds, at most ~20 reports/s; anything longer is clutter or a stuck
    // sensor (caught elsewhere), and the speed is then judged on its first 4096 reports.
    private const int MaximumSpeedsKept = 4096;

    private readonly List<double> _speeds = [];

    public DateTimeOffset FirstAt { get; } = firstAt;

    public DateTimeOffset LastAt { get; private set; } = firstAt;

    public int Count { get; private set; }

    public void Add(DateTimeOffset at, double speedKilometresPerHour)
    {
        LastAt = at;
        Count++;
        if (_speeds.Count < MaximumSpeedsKept)
        {
            _speeds.Add(speedKilometresPerHour);
        }
    }

    /// <summary>
    /// The passage speed: the 90th percentile of the run (nearest rank). A Doppler radar measures the radial
    /// speed v·cos θ, and θ is smallest while the vehicle is far down the road, so the true speed sits at the
    /// top of the run, not in its mean. The plain maximum would let a single spurious report (a bird, a
    /// reflection, a harmonic) become a "speeding vehicle"; the 90th percentile ignores the top 10 % and still
    /// lies within the sensor's accuracy of the far-range speeds (cos θ &gt; 0.98 over most of the beam).
    /// For runs of fewer than 10 reports it is the maximum.
    /// </summary>
    public double PassageSpeedKilometresPerHour()
    {
        double[] sorted = [.. _speeds];
        Array.Sort(sorted);
        int rank = (int)Math.Ceiling(0.9 * sorted.Length);
        return sorted[Math.Max(rank, 1) - 1];
    }
}

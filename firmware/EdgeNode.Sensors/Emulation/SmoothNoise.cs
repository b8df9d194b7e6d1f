namespace EdgeNode.Sensors.Emulation;

/// <summary>
/// Smooth random variation in [-1, 1]: a seeded random value at every knot (every <see cref="KnotSpacing"/>,
/// counted from the Unix epoch), joined by smoothstep easing. Continuous in time and a pure function of
/// (seed, stream, time), so two readings a second apart never jump and a run can be replayed exactly.
/// </summary>
internal readonly struct SmoothNoise(ulong seed, ulong stream, TimeSpan knotSpacing)
{
    public TimeSpan KnotSpacing { get; } = knotSpacing;

    public double At(DateTimeOffset time)
    {
        double position = (time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / (double)KnotSpacing.Ticks;
        double floor = Math.Floor(position);
        long knot = (long)floor;
        double f = position - floor;
        double eased = f * f * (3 - (2 * f));
        double from = Knot(knot);
        return from + ((Knot(knot + 1) - from) * eased);
    }

    private double Knot(long index) => (SeededHash.Unit(SeededHash.Of(seed, stream, index)) * 2) - 1;
}

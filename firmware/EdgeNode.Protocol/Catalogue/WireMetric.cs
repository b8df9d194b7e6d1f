namespace EdgeNode.Protocol.Catalogue;

/// <summary>
/// One measured quantity as it travels: a one-byte code on the wire, a stable name for storage and open data, and
/// the step values are quantised to. The step is at or below the finest sensor's resolution, so quantising loses
/// nothing a sensor could tell apart.
/// </summary>
/// <param name="Code">The byte on the wire; never reused for another quantity.</param>
/// <param name="Name">Stable, lower-case, unit-suffixed name, e.g. <c>pm25_ugm3</c>.</param>
/// <param name="Minimum">The lowest value the fleet accepts (the widest sensor range, not a plausibility bound).</param>
public sealed record WireMetric(byte Code, string Name, string Unit, double Step, double Minimum, double Maximum)
{
    /// <summary>The value in steps, as the codec writes it.</summary>
    public long Quantise(double value) => (long)Math.Round(value / Step, MidpointRounding.AwayFromZero);

    public double Restore(long steps) => Math.Round(steps * Step, Decimals);

    public bool InRange(double value) => value >= Minimum && value <= Maximum;

    // Restoring 2134 × 0.01 gives 21.340000000000003; rounding to the step's decimals gives back what was sent.
    private int Decimals => Math.Max(0, (int)Math.Ceiling(-Math.Log10(Step)));
}

namespace EdgeNode.Sensors.Emulation;

/// <summary>
/// A stream of uniform numbers from one start value (SplitMix64 stepping), for when a pure function of the
/// seed needs many draws: the same on every machine, unlike <see cref="Random"/>, whose algorithm is not specified.
/// </summary>
internal sealed class SeededSequence(ulong start)
{
    private ulong _state = start;

    /// <summary>Uniform in [0, 1).</summary>
    public double Next()
    {
        _state += 0x9E3779B97F4A7C15UL;
        return SeededHash.Unit(SeededHash.Mix(_state));
    }
}

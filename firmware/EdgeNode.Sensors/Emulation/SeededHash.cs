namespace EdgeNode.Sensors.Emulation;

/// <summary>
/// SplitMix64 (Steele, Lea and Flood, "Fast splittable pseudorandom number generators", 2014), used as a hash
/// of (seed, stream, index). The emulated world is a pure function of the seed and the time, the same on every
/// machine and in every .NET version, which <see cref="Random"/>'s unspecified algorithm does not promise.
/// </summary>
internal static class SeededHash
{
    public static ulong Mix(ulong value)
    {
        ulong z = value + 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    public static ulong Of(ulong seed, ulong stream, long index) => Mix(Mix(seed ^ Mix(stream)) ^ (ulong)index);

    /// <summary>A uniform double in [0, 1) from the top 53 bits of a hash.</summary>
    public static double Unit(ulong hash) => (hash >> 11) * (1.0 / (1UL << 53));
}

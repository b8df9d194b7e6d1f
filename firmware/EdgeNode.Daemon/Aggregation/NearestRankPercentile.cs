namespace EdgeNode.Daemon.Aggregation;

/// <summary>
/// The nearest-rank percentile: the smallest value such that at least p % of the values are at or below it,
/// i.e. the ⌈p·n/100⌉-th smallest. It is always a value that was observed, which suits V85 ("the speed 85 % of
/// vehicles did not exceed") better than interpolating between two vehicles.
/// </summary>
internal static class NearestRankPercentile
{
    /// <summary>Sorts <paramref name="values"/> in place; null when there are none.</summary>
    public static double? Of(Span<double> values, int percent)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(percent, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(percent, 100);
        if (values.IsEmpty)
        {
            return null;
        }

        values.Sort();

        // Integer ceiling: 0.85 has no exact binary form, and 0.85 * 20 must give rank 17, not 16 or 18.
        int rank = ((percent * values.Length) + 99) / 100;
        return values[rank - 1];
    }
}

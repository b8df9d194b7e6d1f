namespace EdgeNode.Fleet.OpenData;

/// <summary>
/// The columns of a metric-window download, once for both formats: the CSV header's snake_case name, the JSON window's
/// camelCase property, and what it means. CSV repeats node, metric and unit on every row, where JSON gives them once in
/// the metadata, so those have no JSON property. The metadata describes the names of the format asked for, so a
/// reuser never has to map one set onto the other.
/// </summary>
public static class OpenWindowColumns
{
    private sealed record Column(string Csv, string? Json, string Description);

    private static readonly Column[] All =
    [
        new("node_id", null, "The node's id, as /api/open/v1/nodes lists it."),
        new("sensor", "sensor", "The sensor that measured the window (see sensors for its model)."),
        new("metric", null, "The metric's name (see metric)."),
        new("unit", null, "The unit of mean, minimum, maximum and last."),
        new("window_start", "start", "Start of the window, UTC, ISO 8601."),
        new("window_end", "end", "End of the window (its start plus its length), UTC."),
        new("window_seconds", "windowSeconds", "Length of the window in seconds (900 by default; longer when the node downsampled to save space)."),
        new("mean", "mean", "Mean of the calibrated samples in the window, in the metric's unit."),
        new("minimum", "minimum", "Smallest calibrated sample."),
        new("maximum", "maximum", "Largest calibrated sample."),
        new("last", "last", "Last calibrated sample."),
        new("count", "count", "Number of samples."),
        new("coverage", "coverage", "Fraction of the window the sensor actually sampled, 0 to 1."),
        new("partial", "partial", "True when the window was cut short (node restart, sensor warm-up)."),
        new("time_quality", "timeQuality", "synchronised: the node's clock was synchronised; restamped: dated after the clock was synchronised; unconfirmed: the clock was not confirmed."),
        new("calibration_version", "calibrationVersion", "Version of the calibration the node applied (0: the sensor's factory output). The metadata's calibrations give each version's gain and offset per sensor (value = gain × raw + offset), so raw = (value − offset) / gain; a sensor a version does not list went out uncorrected."),
    ];

    /// <summary>The CSV header, in order.</summary>
    public static IReadOnlyList<string> CsvHeader { get; } = [.. All.Select(c => c.Csv)];

    /// <summary>What each CSV column means, in header order.</summary>
    public static IReadOnlyDictionary<string, string> ForCsv { get; } = Describe(All.Select(c => (c.Csv, c.Description)));

    /// <summary>What each property of a JSON window means, in the window's order.</summary>
    public static IReadOnlyDictionary<string, string> ForJson { get; } =
        Describe(All.Where(c => c.Json is not null).Select(c => (c.Json!, c.Description)));

    private static Dictionary<string, string> Describe(IEnumerable<(string Name, string Description)> columns)
    {
        var described = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach ((string name, string description) in columns)
        {
            described.Add(name, description);
        }
        return described;
    }
}

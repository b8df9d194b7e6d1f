using System.Globalization;

namespace EdgeNode.Fleet.Storage;

/// <summary>
/// Checks a batch before any of it is written, so that a malformed row is refused with a message naming the row rather
/// than a database error naming a constraint. The schemas hold the same rules as CHECK constraints as a second line.
/// </summary>
internal static class IngestBatchValidator
{
    public static void Validate(IngestBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        for (int i = 0; i < batch.Metrics.Count; i++)
        {
            Validate(batch.Metrics[i], i);
        }

        for (int i = 0; i < batch.Traffic.Count; i++)
        {
            Validate(batch.Traffic[i], i);
        }

        for (int i = 0; i < batch.NoValues.Count; i++)
        {
            Validate(batch.NoValues[i], i);
        }

        for (int i = 0; i < batch.DeadLetters.Count; i++)
        {
            DeadLetter? letter = batch.DeadLetters[i];
            Require(letter is not null, "dead letter", i, null, "is null");
            Require(letter!.Topic is not null, "dead letter", i, letter.NodeId, "has no topic");
            Require(letter.Payload is not null, "dead letter", i, letter.NodeId, "has no payload (use an empty array)");
            Require(letter.Reason is not null, "dead letter", i, letter.NodeId, "has no reason");
        }

        for (int i = 0; i < batch.DeadLetterDrops.Count; i++)
        {
            DeadLetterDrop? drop = batch.DeadLetterDrops[i];
            Require(drop is not null, "dead-letter drop count", i, null, "is null");
            Require(drop!.Messages >= 0 && drop.Bytes >= 0, "dead-letter drop count", i, drop.NodeId, "is negative");
        }

        for (int i = 0; i < batch.Health.Count; i++)
        {
            NodeHealthReport? report = batch.Health[i];
            Require(report is not null, "health report", i, null, "is null");
            Require(!string.IsNullOrWhiteSpace(report!.NodeId), "health report", i, report.NodeId, "has no node id");
            Require(report.Json is not null, "health report", i, report.NodeId, "has no JSON");
        }

        for (int i = 0; i < batch.Alerts.Count; i++)
        {
            NodeAlertRecord? alert = batch.Alerts[i];
            Require(alert is not null, "alert", i, null, "is null");
            Require(!string.IsNullOrWhiteSpace(alert!.NodeId), "alert", i, alert.NodeId, "has no node id");
            Require(!string.IsNullOrWhiteSpace(alert.Pollutant), "alert", i, alert.NodeId, "has no pollutant");
            Require(alert.Band is not null, "alert", i, alert.NodeId, "has no band");
            Require(double.IsFinite(alert.Value), "alert", i, alert.NodeId, $"has a non-finite value ({alert.Value})");
        }
    }

    private static void Validate(MetricWindowRow? row, int index)
    {
        const string What = "metric window";
        Require(row is not null, What, index, null, "is null");
        Require(!string.IsNullOrWhiteSpace(row!.NodeId), What, index, row.NodeId, "has no node id");
        Require(!string.IsNullOrWhiteSpace(row.Sensor), What, index, row.NodeId, "has no sensor");
        Require(!string.IsNullOrWhiteSpace(row.Metric), What, index, row.NodeId, "has no metric");
        ValidateWindow(What, index, row.NodeId, row.WindowStart, row.WindowSeconds, row.TimeQuality);
        Require(row.Count >= 0 && row.Faults >= 0, What, index, row.NodeId, $"has a negative count ({row.Count}) or fault count ({row.Faults})");

        // SQLite cannot store NaN (it becomes NULL), and no reader could make sense of one: refuse it on both stores.
        Require(
            double.IsFinite(row.Mean) && double.IsFinite(row.Minimum) && double.IsFinite(row.Maximum) && double.IsFinite(row.Last) && double.IsFinite(row.Coverage),
            What, index, row.NodeId, "has a value that is NaN or infinite");
    }

    private static void Validate(NoValueWindowRow? row, int index)
    {
        const string What = "sensor window without values";
        Require(row is not null, What, index, null, "is null");
        Require(!string.IsNullOrWhiteSpace(row!.NodeId), What, index, row.NodeId, "has no node id");
        Require(!string.IsNullOrWhiteSpace(row.Sensor), What, index, row.NodeId, "has no sensor");
        ValidateWindow(What, index, row.NodeId, row.WindowStart, row.WindowSeconds, row.TimeQuality);
        Require(row.Faults >= 0, What, index, row.NodeId, $"has a negative fault count ({row.Faults})");
        Require(double.IsFinite(row.Coverage), What, index, row.NodeId, "has a coverage that is NaN or infinite");
    }

    private static void Validate(TrafficWindowRow? row, int index)
    {
        const string What = "traffic window";
        Require(row is not null, What, index, null, "is null");
        Require(!string.IsNullOrWhiteSpace(row!.NodeId), What, index, row.NodeId, "has no node id");
        Require(!string.IsNullOrWhiteSpace(row.Sensor), What, index, row.NodeId, "has no sensor");
        ValidateWindow(What, index, row.NodeId, row.WindowStart, row.WindowSeconds, row.TimeQuality);
        Require(row.Approaching >= 0 && row.Receding >= 0, What, index, row.NodeId, "has a negative vehicle count");
        Require(
            row.SpeedHistogram is { Length: TrafficWindowRow.SpeedBins },
            What, index, row.NodeId, $"has a speed histogram of {row.SpeedHistogram?.Length.ToString(CultureInfo.InvariantCulture) ?? "no"} bins; {TrafficWindowRow.SpeedBins} expected");
        Require(row.SpeedHistogram!.All(bin => bin >= 0), What, index, row.NodeId, "has a negative histogram bin");
        Require(row.V85KilometresPerHour is null || double.IsFinite(row.V85KilometresPerHour.Value), What, index, row.NodeId, "has a V85 that is NaN or infinite");
    }

    private static void ValidateWindow(string what, int index, string? nodeId, DateTimeOffset start, int seconds, byte timeQuality)
    {
        // The start is part of the natural key: a fraction of a second would make two deliveries of one window differ.
        Require(start.UtcTicks % TimeSpan.TicksPerSecond == 0, what, index, nodeId, $"starts at {start:O}, not on a whole second");
        Require(seconds > 0, what, index, nodeId, $"lasts {seconds} s");
        Require(timeQuality <= 2, what, index, nodeId, $"has time quality {timeQuality}; 0, 1 or 2 expected");
    }

    private static void Require(bool condition, string what, int index, string? nodeId, string problem)
    {
        if (!condition)
        {
            string node = string.IsNullOrEmpty(nodeId) ? "" : $" from node '{nodeId}'";
            throw new InvalidIngestBatchException($"The {what} at index {index}{node} {problem}; nothing of the batch was stored.");
        }
    }
}

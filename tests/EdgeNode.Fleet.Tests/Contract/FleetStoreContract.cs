using EdgeNode.Fleet.Storage;
using EdgeNode.Fleet.Tests.Support;

namespace EdgeNode.Fleet.Tests.Contract;

/// <summary>
/// What every store promises, written once and run against each provider by a subclass. Each test gets a fresh
/// database: a new file for SQLite, a new database on the shared server for PostgreSQL.
/// </summary>
public abstract class FleetStoreContract : StoreContractBase
{
    private static readonly DateTimeOffset Ever = DateTimeOffset.UnixEpoch;
    private static readonly DateTimeOffset Never = new(2100, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Initialising_again_keeps_the_schema_and_the_data()
    {
        await Store.CommitAsync(Rows.Batch(Rows.Metric()), None);

        await Store.InitialiseAsync(None);
        IFleetStore second = await OpenAsync();

        Assert.Equal(1, await second.CountMetricWindowsAsync(null, None));
        await second.CommitAsync(Rows.Batch(Rows.Metric(window: 1)), None);
        Assert.Equal(2, await Store.CountMetricWindowsAsync(null, None));
    }

    [Fact]
    public async Task Metric_windows_read_back_exactly_in_utc()
    {
        MetricWindowRow[] rows =
        [
            Rows.Metric(window: 0),
            Rows.Metric(window: 0, sensor: "pms5003", mean: double.Epsilon) with { LastFault = null, Partial = false, TimeQuality = 2 },
            Rows.Metric(window: 1, metric: "pm10", mean: -0.0001) with { Minimum = double.MinValue, Maximum = double.MaxValue, CalibrationVersion = int.MaxValue },
        ];
        await Store.CommitAsync(Rows.Batch(rows), None);

        IReadOnlyList<MetricWindowRow> read = await Store.ReadMetricWindowsAsync("node-001", null, Ever, Never, None);

        Assert.Equal(rows.OrderBy(r => r.WindowStart).ThenBy(r => r.Sensor, StringComparer.Ordinal).ThenBy(r => r.Metric, StringComparer.Ordinal), read);
        Assert.All(read, row => Assert.Equal(TimeSpan.Zero, row.WindowStart.Offset));
        Assert.Equal(new DateTimeOffset(2025, 6, 1, 8, 15, 0, TimeSpan.Zero), read[0].WindowStart.UtcDateTime);
    }

    [Fact]
    public async Task Metric_reads_filter_by_node_metric_and_half_open_period()
    {
        await Store.CommitAsync(Rows.Batch(
            Rows.Metric(window: 0), Rows.Metric(window: 1), Rows.Metric(window: 2), Rows.Metric(window: 1, metric: "pm10"), Rows.Metric(node: "node-002", window: 1)), None);

        IReadOnlyList<MetricWindowRow> read = await Store.ReadMetricWindowsAsync("node-001", "pm25", Rows.Start.AddMinutes(15), Rows.Start.AddMinutes(30), None);
        IReadOnlyList<MetricWindowRow> allMetrics = await Store.ReadMetricWindowsAsync("node-001", null, Rows.Start.AddMinutes(15), Rows.Start.AddMinutes(30), None);

        Assert.Equal([Rows.Metric(window: 1)], read);
        Assert.Equal(["pm10", "pm25"], allMetrics.Select(row => row.Metric));
        Assert.Equal(4, await Store.CountMetricWindowsAsync("node-001", None));
        Assert.Equal(5, await Store.CountMetricWindowsAsync(null, None));
        Assert.Equal(0, await Store.CountMetricWindowsAsync("node-999", None));
    }

    [Fact]
    public async Task Traffic_windows_read_back_exactly_with_histogram_and_null_v85()
    {
        TrafficWindowRow[] rows = [Rows.Traffic(window: 0), Rows.Traffic(window: 1, v85: null, approaching: 0), Rows.Traffic(node: "node-002")];
        var batch = new IngestBatch();
        batch.Traffic.AddRange(rows);
        await Store.CommitAsync(batch, None);

        IReadOnlyList<TrafficWindowRow> read = await Store.ReadTrafficWindowsAsync("node-001", Ever, Never, None);

        Assert.Equal(2, read.Count);
        Rows.AssertSame(rows[0], read[0]);
        Rows.AssertSame(rows[1], read[1]);
        Assert.Null(read[1].V85KilometresPerHour);
        Assert.All(read, row => Assert.Equal(TimeSpan.Zero, row.WindowStart.Offset));
        Assert.Empty(await Store.ReadTrafficWindowsAsync("node-001", Rows.Start.AddMinutes(30), Never, None));
    }

    [Fact]
    public async Task Sensor_windows_without_values_read_back_exactly_and_a_redelivery_replaces_them()
    {
        NoValueWindowRow[] rows =
        [
            Rows.NoValue(window: 0),
            Rows.NoValue(window: 0, sensor: "bme280", fault: null) with { Partial = false, TimeQuality = 0, Coverage = 0, Faults = 0 },
            Rows.NoValue(window: 1),
            Rows.NoValue(node: "node-002"),
        ];
        var batch = new IngestBatch();
        batch.NoValues.AddRange(rows);
        await Store.CommitAsync(batch, None);
        var again = new IngestBatch();
        again.NoValues.Add(rows[2] with { LastFault = "NotAnswering", Faults = 7 });
        await Store.CommitAsync(again, None);

        IReadOnlyList<NoValueWindowRow> read = await Store.ReadNoValueWindowsAsync("node-001", Ever, Never, None);

        Assert.Equal([rows[1], rows[0], rows[2] with { LastFault = "NotAnswering", Faults = 7 }], read);
        Assert.All(read, row => Assert.Equal(TimeSpan.Zero, row.WindowStart.Offset));
        Assert.Equal([rows[2].WindowStart], (await Store.ReadNoValueWindowsAsync("node-001", Rows.Start.AddMinutes(15), Never, None)).Select(row => row.WindowStart));
        Assert.Equal(0, await Store.CountMetricWindowsAsync(null, None));
    }

    [Fact]
    public async Task A_redelivered_batch_adds_nothing_and_the_latest_delivery_wins()
    {
        MetricWindowRow first = Rows.Metric(mean: 10);
        TrafficWindowRow traffic = Rows.Traffic(approaching: 5);
        IngestBatch batch = Rows.Batch(first, Rows.Metric(window: 1));
        batch.Traffic.Add(traffic);
        await Store.CommitAsync(batch, None);

        IngestBatch again = Rows.Batch(first with { Mean = 11, Partial = false, LastFault = null }, Rows.Metric(window: 1));
        again.Traffic.Add(traffic with { Approaching = 6, V85KilometresPerHour = null });
        await Store.CommitAsync(again, None);
        await Store.CommitAsync(again, None);

        Assert.Equal(2, await Store.CountMetricWindowsAsync(null, None));
        MetricWindowRow stored = (await Store.ReadMetricWindowsAsync("node-001", "pm25", Ever, Never, None))[0];
        Assert.Equal(first with { Mean = 11, Partial = false, LastFault = null }, stored);
        TrafficWindowRow storedTraffic = Assert.Single(await Store.ReadTrafficWindowsAsync("node-001", Ever, Never, None));
        Rows.AssertSame(traffic with { Approaching = 6, V85KilometresPerHour = null }, storedTraffic);
    }

    [Fact]
    public async Task A_redelivery_that_differs_only_by_a_null_still_replaces_the_row()
    {
        // The update skips identical rows; this proves the comparison sees a value turning into NULL.
        IngestBatch first = Rows.Batch(Rows.Metric());
        first.Traffic.Add(Rows.Traffic());
        await Store.CommitAsync(first, None);
        IngestBatch second = Rows.Batch(Rows.Metric() with { LastFault = null });
        second.Traffic.Add(Rows.Traffic() with { V85KilometresPerHour = null });
        await Store.CommitAsync(second, None);

        Assert.Null(Assert.Single(await Store.ReadMetricWindowsAsync("node-001", null, Ever, Never, None)).LastFault);
        Assert.Null(Assert.Single(await Store.ReadTrafficWindowsAsync("node-001", Ever, Never, None)).V85KilometresPerHour);
    }

    [Fact]
    public async Task Duplicates_within_one_batch_keep_the_last_arrival()
    {
        IngestBatch batch = Rows.Batch(Rows.Metric(mean: 1), Rows.Metric(window: 1, mean: 2), Rows.Metric(mean: 3), Rows.Metric(mean: 4), Rows.Metric(window: 1, mean: 5));
        batch.Traffic.AddRange([Rows.Traffic(approaching: 1), Rows.Traffic(approaching: 2)]);
        await Store.CommitAsync(batch, None);

        IReadOnlyList<MetricWindowRow> read = await Store.ReadMetricWindowsAsync("node-001", "pm25", Ever, Never, None);

        Assert.Equal([4.0, 5.0], read.Select(row => row.Mean));
        Assert.Equal(2, Assert.Single(await Store.ReadTrafficWindowsAsync("node-001", Ever, Never, None)).Approaching);
    }

    [Fact]
    public async Task A_malformed_row_is_refused_by_name_and_nothing_of_its_batch_is_stored()
    {
        IngestBatch noNode = Rows.Batch(Rows.Metric(), Rows.Metric(window: 1) with { NodeId = null! });
        IngestBatch wideHistogram = Rows.Batch(Rows.Metric());
        wideHistogram.Traffic.Add(Rows.Traffic() with { SpeedHistogram = new int[17] });

        InvalidIngestBatchException missing = await Assert.ThrowsAsync<InvalidIngestBatchException>(() => Store.CommitAsync(noNode, None));
        InvalidIngestBatchException wide = await Assert.ThrowsAsync<InvalidIngestBatchException>(() => Store.CommitAsync(wideHistogram, None));

        Assert.Contains("metric window at index 1 has no node id", missing.Message, StringComparison.Ordinal);
        Assert.Contains("17 bins; 16 expected", wide.Message, StringComparison.Ordinal);
        Assert.Equal(0, await Store.CountMetricWindowsAsync(null, None));
    }

    [Theory]
    [InlineData("17-bin histogram")]
    [InlineData("null node id")]
    public async Task A_row_the_database_refuses_rolls_back_the_whole_batch(string fault)
    {
        // Validation off: the row reaches the database after hundreds of good ones, so only the transaction can save us.
        IFleetStore unchecked_ = await OpenAsync(validateBatches: false);
        IngestBatch batch = Rows.Batch(Enumerable.Range(0, 500).Select(window => Rows.Metric(window: window)).ToArray());
        batch.DeadLetters.Add(new DeadLetter(Rows.Start, "edgenode/node-001/up/windows", "node-001", [1, 2, 3], "bad CBOR"));
        batch.Health.Add(new NodeHealthReport("node-001", Rows.Start, "{}"));
        batch.Traffic.Add(Rows.Traffic());
        if (fault == "null node id")
        {
            batch.Metrics.Add(Rows.Metric(window: 600) with { NodeId = null! });
        }
        else
        {
            batch.Traffic.Add(Rows.Traffic(window: 1) with { SpeedHistogram = new int[17] });
        }

        FleetStoreException refused = await Assert.ThrowsAsync<FleetStoreException>(() => unchecked_.CommitAsync(batch, None));

        Assert.Contains("nothing of it was stored", refused.Message, StringComparison.Ordinal);
        Assert.Equal(0, await Store.CountMetricWindowsAsync(null, None));
        Assert.Empty(await Store.ReadTrafficWindowsAsync("node-001", Ever, Never, None));
        Assert.Equal(0, await Store.CountDeadLettersAsync(None));
        Assert.Empty(await Store.ReadLatestHealthAsync(None));

        // And the store is still usable afterwards (a failed COPY or merge leaves no half-open state behind).
        await unchecked_.CommitAsync(Rows.Batch(Rows.Metric()), None);
        Assert.Equal(1, await Store.CountMetricWindowsAsync(null, None));
    }

    [Fact]
    public async Task Dead_letters_keep_reason_and_sender_and_a_truncated_payload_keeps_its_length()
    {
        byte[] huge = Enumerable.Range(0, 100 * 1024).Select(i => (byte)(i * 7)).ToArray();
        var batch = new IngestBatch();
        DateTimeOffset received = new DateTimeOffset(2025, 6, 1, 10, 0, 0, TimeSpan.FromHours(2)).AddTicks(1234560); // microseconds
        batch.DeadLetters.Add(new DeadLetter(received, "edgenode/node-001/up/windows", "node-001", huge, "payload larger than 64 KiB"));
        batch.DeadLetters.Add(new DeadLetter(received.AddSeconds(1), "edgenode/???/up", null, [], "topic names no node"));
        batch.DeadLetters.Add(new DeadLetter(received.AddSeconds(2), "edgenode/node-002/up/windows", "node-002", [0xA1, 0x00, 0xFF], "unknown version 9"));
        await Store.CommitAsync(batch, None);

        IReadOnlyList<StoredDeadLetter> all = await Store.ReadDeadLettersAsync(null, 10, None);
        StoredDeadLetter truncated = Assert.Single(await Store.ReadDeadLettersAsync("node-001", 10, None));

        Assert.Equal(3, await Store.CountDeadLettersAsync(None));
        Assert.Equal(["unknown version 9", "topic names no node", "payload larger than 64 KiB"], all.Select(letter => letter.Reason));
        Assert.Equal(2, (await Store.ReadDeadLettersAsync(null, 2, None)).Count);
        Assert.Equal(huge.Length, truncated.OriginalLength);
        Assert.Equal(huge[..DeadLetter.MaximumStoredPayloadBytes], truncated.Payload);
        Assert.True(truncated.Truncated);
        Assert.Equal(received, truncated.ReceivedAt);
        Assert.Equal(TimeSpan.Zero, truncated.ReceivedAt.Offset);
        Assert.Equal("edgenode/node-001/up/windows", truncated.Topic);
        Assert.Null(all[1].NodeId);
        Assert.Equal([0xA1, 0x00, 0xFF], all[0].Payload);
        Assert.False(all[0].Truncated);
        Assert.True(all[0].Id > all[1].Id);
    }

    [Fact]
    public async Task Dead_letter_drop_counts_add_up_per_sender_and_period_and_read_back_from_a_period_on()
    {
        DateTimeOffset ten = new(2025, 6, 1, 10, 0, 0, TimeSpan.Zero), eleven = ten.AddHours(1);
        var first = new IngestBatch();
        first.DeadLetterDrops.Add(new DeadLetterDrop("node-001", ten, 3, 900_000));
        first.DeadLetterDrops.Add(new DeadLetterDrop(null, ten, 1, 10));
        await Store.CommitAsync(first, None);
        var second = new IngestBatch();
        second.DeadLetterDrops.Add(new DeadLetterDrop("node-001", ten, 2, 600_000));
        second.DeadLetterDrops.Add(new DeadLetterDrop("node-001", eleven, 1, 300_000));
        await Store.CommitAsync(second, None);

        Assert.Equal(
            [new DeadLetterDrop(null, ten, 1, 10), new DeadLetterDrop("node-001", ten, 5, 1_500_000), new DeadLetterDrop("node-001", eleven, 1, 300_000)],
            await Store.ReadDeadLetterDropsAsync(ten, None));
        Assert.Equal([new DeadLetterDrop("node-001", eleven, 1, 300_000)], await Store.ReadDeadLetterDropsAsync(ten.AddMinutes(1), None));
        Assert.Equal(0, await Store.CountDeadLettersAsync(None));
    }

    [Fact]
    public async Task Deleting_old_dead_letters_keeps_the_newer_ones_and_drop_counts()
    {
        DateTimeOffset cutoff = new(2025, 6, 1, 10, 0, 0, TimeSpan.Zero);
        var batch = new IngestBatch();
        batch.DeadLetters.Add(new DeadLetter(cutoff.AddDays(-3), "edge/node-001/up/batch", "node-001", [1], "old"));
        batch.DeadLetters.Add(new DeadLetter(cutoff.AddTicks(-10), "edge/node-001/up/batch", "node-001", [2], "just before"));
        batch.DeadLetters.Add(new DeadLetter(cutoff, "edge/node-002/up/batch", "node-002", [3], "at the cutoff"));
        batch.DeadLetterDrops.Add(new DeadLetterDrop("node-001", cutoff.AddHours(-1), 4, 40));
        batch.DeadLetterDrops.Add(new DeadLetterDrop("node-001", cutoff, 5, 50));
        await Store.CommitAsync(batch, None);

        Assert.Equal(2, await Store.DeleteDeadLettersBeforeAsync(cutoff, None));

        Assert.Equal(["at the cutoff"], (await Store.ReadDeadLettersAsync(null, 10, None)).Select(letter => letter.Reason));
        Assert.Equal([new DeadLetterDrop("node-001", cutoff, 5, 50)], await Store.ReadDeadLetterDropsAsync(DateTimeOffset.UnixEpoch, None));
        Assert.Equal(0, await Store.DeleteDeadLettersBeforeAsync(cutoff, None));
    }

    [Fact]
    public async Task Health_keeps_the_latest_report_per_node_even_when_an_older_one_arrives_late()
    {
        DateTimeOffset at = new DateTimeOffset(2025, 6, 1, 12, 0, 0, TimeSpan.Zero).AddTicks(10);
        var batch = new IngestBatch();
        batch.Health.Add(new NodeHealthReport("node-001", at, """{"disk":1}"""));
        batch.Health.Add(new NodeHealthReport("node-002", at, """{ "disk" : 2, "disk": 3 }"""));
        batch.Health.Add(new NodeHealthReport("node-001", at.AddMinutes(1), """{"disk":4}"""));
        await Store.CommitAsync(batch, None);
        var late = new IngestBatch();
        late.Health.Add(new NodeHealthReport("node-001", at.AddSeconds(30), """{"disk":"late"}"""));
        await Store.CommitAsync(late, None);

        IReadOnlyList<NodeHealthReport> latest = await Store.ReadLatestHealthAsync(None);

        Assert.Equal(
            [new NodeHealthReport("node-001", at.AddMinutes(1), """{"disk":4}"""), new NodeHealthReport("node-002", at, """{ "disk" : 2, "disk": 3 }""")],
            latest);
    }

    [Fact]
    public async Task An_alert_is_stored_once_and_its_clearing_updates_it()
    {
        DateTimeOffset raised = new(2025, 6, 1, 14, 30, 0, TimeSpan.FromHours(2));
        var batch = new IngestBatch();
        batch.Alerts.Add(new NodeAlertRecord("node-001", raised, "no2", "information", 212.5, Cleared: false));
        batch.Alerts.Add(new NodeAlertRecord("node-002", raised.AddMinutes(5), "pm10", "alert", 81, Cleared: false));
        await Store.CommitAsync(batch, None);
        await Store.CommitAsync(batch, None);
        var cleared = new IngestBatch();
        cleared.Alerts.Add(new NodeAlertRecord("node-001", raised, "no2", "information", 212.5, Cleared: true));
        await Store.CommitAsync(cleared, None);

        IReadOnlyList<NodeAlertRecord> all = await Store.ReadAlertsAsync(null, None);

        Assert.Equal([new NodeAlertRecord("node-001", raised, "no2", "information", 212.5, true), new NodeAlertRecord("node-002", raised.AddMinutes(5), "pm10", "alert", 81, false)], all);
        Assert.Equal(TimeSpan.Zero, all[0].RaisedAt.Offset);
        Assert.Equal("pm10", Assert.Single(await Store.ReadAlertsAsync("node-002", None)).Pollutant);
    }

    [Fact]
    public async Task Concurrent_commits_of_overlapping_rows_all_succeed_without_duplicates()
    {
        // Six writers, each committing the same 8 nodes × 20 windows in its own shuffled order: the worst case for lock
        // ordering, and for SQLite's single writer.
        MetricWindowRow[] keys = [.. from node in Enumerable.Range(0, 8) from window in Enumerable.Range(0, 20) select Rows.Metric(node: $"node-{node:000}", window: window)];
        Task[] writers = Enumerable.Range(0, 6).Select(writer => Task.Run(async () =>
        {
            var random = new Random(writer);
            for (int round = 0; round < 4; round++)
            {
                MetricWindowRow[] shuffled = keys.OrderBy(_ => random.Next()).Select(row => row with { Mean = writer }).ToArray();
                IngestBatch batch = Rows.Batch(shuffled);
                batch.Health.AddRange(shuffled.Take(8).Select(row => new NodeHealthReport(row.NodeId, Rows.Start, $"{{\"writer\":{writer}}}")));
                batch.Alerts.AddRange(shuffled.Take(8).Select(row => new NodeAlertRecord(row.NodeId, Rows.Start, "no2", "alert", writer, false)));
                await Store.CommitAsync(batch, None);
            }
        })).ToArray();

        await Task.WhenAll(writers);

        Assert.Equal(keys.Length, await Store.CountMetricWindowsAsync(null, None));
        Assert.Equal(8, (await Store.ReadLatestHealthAsync(None)).Count);
    }

    [Fact]
    public async Task An_empty_batch_is_a_no_op()
    {
        await Store.CommitAsync(new IngestBatch(), None);

        Assert.Equal(0, await Store.CountMetricWindowsAsync(null, None));
        Assert.Empty(await Store.ReadDeadLettersAsync(null, 10, None));
        Assert.Empty(await Store.ReadAlertsAsync(null, None));
    }
}

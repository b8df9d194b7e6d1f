using System.IO.Compression;
using System.Text.Json;
using EdgeNode.Fleet.Ingest;
using EdgeNode.Fleet.Storage;
using EdgeNode.Fleet.Tests.Support;
using EdgeNode.Protocol.Codec;
using EdgeNode.Protocol.Messages;
using EdgeNode.Protocol.Topics;

namespace EdgeNode.Fleet.Tests.Ingest;

/// <summary>What each incoming message becomes: rows and a Stored ack, or a dead letter with its reason (and a Rejected ack when it can be attributed).</summary>
public sealed class MessageClassifierTests
{
    private static readonly DateTimeOffset ReceivedAt = NodeMessages.ReceivedAt;

    private static IngestItem Classify(string topic, byte[] payload) => MessageClassifier.Classify(topic, payload, ReceivedAt);

    [Fact]
    public void A_batch_becomes_one_row_per_sensor_metric_and_window_with_every_field_mapped()
    {
        IngestItem item = Classify(NodeMessages.Topic(UpChannel.Batch), EdgeCodec.Encode(NodeMessages.Batch()));

        DateTimeOffset first = NodeMessages.Start, second = NodeMessages.Start.AddMinutes(15);
        const string Node = NodeMessages.Node;
        MetricWindowRow[] expected =
        [
            new(Node, "bme280", "temperature_c", first, 900, 1, true, 30, 11.37, 11.02, 11.81, 11.74, 0.875, 2, "CorruptData", 4),
            new(Node, "bme280", "relative_humidity_pct", first, 900, 1, true, 29, 78.41, 77.9, 79.33, 78.0, 0.875, 2, "CorruptData", 4),
            new(Node, "sds011", "pm25_ugm3", first, 900, 1, true, 18, 9.4, 8.1, 11.0, 9.9, 0.5, 0, null, 4),
            new(Node, "bme280", "temperature_c", second, 900, 0, false, 180, 12.05, 11.8, 12.3, 12.29, 1.0, 0, null, 5),
            new(Node, "bme280", "relative_humidity_pct", second, 900, 0, false, 180, 76.2, 75.5, 77.01, 75.6, 1.0, 0, null, 5),
            new(Node, "sds011", "pm25_ugm3", second, 900, 0, false, 9, 10.2, 9.0, 12.4, 11.1, 0.25, 1, "NotAnswering", 5),
        ];
        Assert.Equal(expected, item.Metrics);
        Assert.Null(item.DeadLetter);
        Assert.Null(item.Health);
        Assert.Null(item.Alert);
    }

    [Fact]
    public void A_batch_with_traffic_adds_a_traffic_row_for_that_window_only()
    {
        IngestItem item = Classify(NodeMessages.Topic(UpChannel.Batch), EdgeCodec.Encode(NodeMessages.Batch()));

        TrafficWindowRow traffic = Assert.Single(item.Traffic);
        Rows.AssertSame(
            new TrafficWindowRow(NodeMessages.Node, "ops243", NodeMessages.Start, 900, 1, true, 41, 37, [0, 0, 1, 9, 31, 28, 7, 2, 0, 0, 0, 0, 0, 0, 0, 0], 56.3),
            traffic);
    }

    [Fact]
    public void A_sensor_that_gave_no_value_in_a_window_is_kept_with_its_fault_so_the_window_is_not_lost()
    {
        // Every read failed in the second window: the node sends its sensors with their faults and no metric.
        WindowBatch sent = NodeMessages.Batch();
        WireWindow failing = sent.Windows[1] with
        {
            Sensors = [new WireSensorWindow("bme280", 0, [], 0, WireFault.Stale), new WireSensorWindow("sds011", 0, [], 4, WireFault.NotAnswering)],
        };
        WindowBatch batch = sent with { Windows = [sent.Windows[0], failing] };

        IngestItem item = Classify(NodeMessages.Topic(UpChannel.Batch), EdgeCodec.Encode(batch));

        DateTimeOffset second = NodeMessages.Start.AddMinutes(15);
        Assert.Equal(
            [
                new NoValueWindowRow(NodeMessages.Node, "bme280", second, 900, 0, false, 0, 0, "Stale", 5),
                new NoValueWindowRow(NodeMessages.Node, "sds011", second, 900, 0, false, 0, 4, "NotAnswering", 5),
            ],
            item.NoValues);
        Assert.Equal([NodeMessages.Start], item.Metrics.Select(row => row.WindowStart).Distinct());
        Assert.Equal(AckOutcome.Stored, item.Ack!.Outcome);
    }

    [Fact]
    public void A_valid_batch_is_acked_as_stored_naming_the_batch()
    {
        IngestItem item = Classify(NodeMessages.Topic(UpChannel.Batch), EdgeCodec.Encode(NodeMessages.Batch(batchId: 123_456_789_012)));

        Assert.Equal(new AckMessage(NodeMessages.Node, AckSubject.Batch, 123_456_789_012, AckOutcome.Stored, null), item.Ack);
        Assert.Equal(6 + 1, item.RowCount);
    }

    [Fact]
    public void A_batch_whose_payload_names_another_node_is_a_dead_letter_without_an_ack()
    {
        // The protocol's README acks only what it can attribute: a batch id from a payload naming another node is not.
        byte[] payload = EdgeCodec.Encode(NodeMessages.Batch(node: "ecole-3", batchId: 8));
        string topic = NodeMessages.Topic(UpChannel.Batch, "mairie-12");

        IngestItem item = Classify(topic, payload);

        DeadLetter letter = AssertDeadLetter(item, topic, "mairie-12", payload);
        Assert.Equal("payload names node 'ecole-3' but was published on the topic of node 'mairie-12'", letter.Reason);
        Assert.Null(item.Ack);
    }

    public static TheoryData<UpChannel, byte[]> MessagesNamingAnotherNode => new()
    {
        { UpChannel.Batch, EdgeCodec.Encode(NodeMessages.Batch(node: "ecole-3")) },
        { UpChannel.Alert, EdgeCodec.Encode(NodeMessages.Alert(node: "ecole-3")) },
        { UpChannel.Health, EdgeCodec.Encode(NodeMessages.Health(node: "ecole-3")) },
        { UpChannel.Ack, EdgeCodec.Encode(NodeMessages.ConfigApplied(node: "ecole-3")) },
    };

    [Theory]
    [MemberData(nameof(MessagesNamingAnotherNode))]
    public void A_payload_naming_another_node_is_refused_in_plain_words_naming_both_nodes(UpChannel channel, byte[] payload)
    {
        IngestItem item = Classify(NodeMessages.Topic(channel, "mairie-12"), payload);

        // The node reads this text in its log: each id quoted once, no possessive glued to a quote ('mairie-12''s).
        Assert.Equal("payload names node 'ecole-3' but was published on the topic of node 'mairie-12'", item.DeadLetter?.Reason);
    }

    [Fact]
    public void A_batch_with_a_window_more_than_a_day_in_the_future_is_rejected()
    {
        byte[] payload = EdgeCodec.Encode(NodeMessages.Batch(start: ReceivedAt.AddDays(2)));
        string topic = NodeMessages.Topic(UpChannel.Batch);

        IngestItem item = Classify(topic, payload);

        AssertDeadLetter(item, topic, NodeMessages.Node, payload);
        Assert.Equal(AckOutcome.Rejected, item.Ack?.Outcome);
        Assert.Equal(4711UL, item.Ack?.Id);
    }

    [Theory]
    [InlineData("scd41", false)] // a model's number instead of the family's name the node uses
    [InlineData("BME280", false)]
    [InlineData("radar", true)]
    public void A_batch_naming_a_sensor_the_fleet_does_not_know_is_refused_with_the_known_names_and_kept_as_a_dead_letter(string unknown, bool traffic)
    {
        WindowBatch batch = NodeMessages.Batch();
        WireWindow second = batch.Windows[1];
        second = traffic
            ? second with { Traffic = new WireTrafficWindow(unknown, 3, 4, new int[WireTrafficWindow.BinCount], 48.5) }
            : second with { Sensors = [.. second.Sensors, second.Sensors[0] with { Sensor = unknown }] };
        byte[] payload = EdgeCodec.Encode(batch with { Windows = [batch.Windows[0], second] });
        string topic = NodeMessages.Topic(UpChannel.Batch);

        IngestItem item = Classify(topic, payload);

        DeadLetter letter = AssertDeadLetter(item, topic, NodeMessages.Node, payload);
        Assert.Equal($"window 2 names sensor '{unknown}', which the fleet does not know; known sensors are bme280, scd4x, sds011, pms5003, ops243, no2 (a fleet learns a new sensor before any node sends it)", letter.Reason);
        Assert.Equal(new AckMessage(NodeMessages.Node, AckSubject.Batch, 4711, AckOutcome.Rejected, letter.Reason), item.Ack);
    }

    public static TheoryData<string, byte[]> RefusedWhileDecoding()
    {
        WindowBatch outOfRange = NodeMessages.SmallBatch(NodeMessages.Node, 4711, 0);
        outOfRange = outOfRange with
        {
            Windows = [outOfRange.Windows[0] with { Sensors = [new WireSensorWindow("sds011", 1, [new(Protocol.Catalogue.MetricCatalogue.Pm25, 3, 2_500, 2_400, 2_600, 2_500)], 0, null)] }],
        };
        byte[] futureSchema = EdgeCodec.Encode(NodeMessages.Batch());
        futureSchema[0] = SchemaVersion.Current + 1;
        byte[] wrongKind = EdgeCodec.Encode(NodeMessages.Batch());
        wrongKind[1] = (byte)MessageKind.Health;
        return new()
        {
            { "pm25_ugm3 ranges", EdgeCodec.Encode(outOfRange) },
            { "schema version", futureSchema },
            { "where the topic expects Batch", wrongKind },
            { "unexpected bytes after the batch", [.. EdgeCodec.Encode(NodeMessages.SmallBatch(NodeMessages.Node, 4711, 0)), 0] },
        };
    }

    [Theory]
    [MemberData(nameof(RefusedWhileDecoding))]
    public void A_batch_refused_while_decoding_is_acked_rejected_with_its_reason_when_node_and_batch_are_readable(string reasonFragment, byte[] payload)
    {
        string topic = NodeMessages.Topic(UpChannel.Batch);

        IngestItem item = Classify(topic, payload);

        DeadLetter letter = AssertDeadLetter(item, topic, NodeMessages.Node, payload);
        Assert.Contains(reasonFragment, letter.Reason, StringComparison.Ordinal);
        Assert.Equal(new AckMessage(NodeMessages.Node, AckSubject.Batch, 4711, AckOutcome.Rejected, letter.Reason), item.Ack);
    }

    [Fact]
    public void An_alert_refused_while_decoding_is_acked_rejected_by_its_alert_id()
    {
        byte[] payload = EdgeCodec.Encode(NodeMessages.Alert(alertId: 31));
        payload[0] = SchemaVersion.Current + 5;
        string topic = NodeMessages.Topic(UpChannel.Alert);

        IngestItem item = Classify(topic, payload);

        DeadLetter letter = AssertDeadLetter(item, topic, NodeMessages.Node, payload);
        Assert.Equal(new AckMessage(NodeMessages.Node, AckSubject.Alert, 31, AckOutcome.Rejected, letter.Reason), item.Ack);
    }

    [Fact]
    public void A_refused_batch_whose_opening_names_another_node_gets_no_ack()
    {
        byte[] payload = [.. EdgeCodec.Encode(NodeMessages.SmallBatch("ecole-3", 4711, 0)), 0];

        IngestItem item = Classify(NodeMessages.Topic(UpChannel.Batch), payload);

        Assert.NotNull(item.DeadLetter);
        Assert.Null(item.Ack);
    }

    public static TheoryData<string, WireWindow[]> ImplausibleTimes()
    {
        WireWindow window = NodeMessages.SmallBatch(NodeMessages.Node, 1, 0).Windows[0];
        return new()
        {
            { "before 2025-01-01 00:00:00 UTC", [window with { Start = new DateTimeOffset(1989, 6, 1, 0, 0, 0, TimeSpan.Zero) }] },
            { "before 2025-01-01", [window with { Start = new DateTimeOffset(1998, 3, 14, 9, 15, 0, TimeSpan.Zero) }] },
            { "off its 900-second grid", [window, window with { Start = window.Start.AddSeconds(900 + 7 * 60 + 13) }] },
            { "overlaps window 1", [window with { Start = window.Start.AddMinutes(-15), LengthSeconds = 3600 }, window with { Start = window.Start.AddMinutes(30) }] },
            { "overlaps window 2", [window, window with { Start = window.Start.AddMinutes(-15), LengthSeconds = 3600 }] },
            { "overlaps window 1", [window, window] },
        };
    }

    [Theory]
    [MemberData(nameof(ImplausibleTimes))]
    public void A_batch_with_an_implausible_window_time_is_a_dead_letter_acked_rejected_with_the_reason(string reasonFragment, WireWindow[] windows)
    {
        byte[] payload = EdgeCodec.Encode(NodeMessages.SmallBatch(NodeMessages.Node, 4711, 0) with { Windows = windows });
        string topic = NodeMessages.Topic(UpChannel.Batch);

        IngestItem item = Classify(topic, payload);

        DeadLetter letter = AssertDeadLetter(item, topic, NodeMessages.Node, payload);
        Assert.Contains(reasonFragment, letter.Reason, StringComparison.Ordinal);
        Assert.Equal(new AckMessage(NodeMessages.Node, AckSubject.Batch, 4711, AckOutcome.Rejected, letter.Reason), item.Ack);
    }

    [Fact]
    public void Re_stamped_and_unconfirmed_windows_may_start_off_the_grid_and_overlap()
    {
        // A re-stamped window starts where it really began; an unconfirmed one has a date nobody vouches for.
        WireWindow window = NodeMessages.SmallBatch(NodeMessages.Node, 1, 0).Windows[0];
        WireWindow[] windows =
        [
            window with { Start = window.Start.AddSeconds(433), Time = WireTimeQuality.Restamped },
            window with { Start = window.Start.AddSeconds(600), Time = WireTimeQuality.Unconfirmed },
            window with { Start = window.Start.AddMinutes(15) },
        ];

        IngestItem item = Classify(NodeMessages.Topic(UpChannel.Batch), EdgeCodec.Encode(NodeMessages.SmallBatch(NodeMessages.Node, 4711, 0) with { Windows = windows }));

        Assert.Null(item.DeadLetter);
        Assert.Equal(3, item.Metrics.Count);
        Assert.Equal(AckOutcome.Stored, item.Ack?.Outcome);
    }

    [Theory]
    [InlineData("weather/today")]
    [InlineData("edge")]
    [InlineData("edge/mairie-12/up/selfie")]
    [InlineData("edge/mairie-12/up/batch/extra")]
    [InlineData("edge/Mairie-12/up/batch")]
    [InlineData("edge/mairie-12/sideways/batch")]
    [InlineData("")]
    public void An_unknown_topic_is_a_dead_letter_without_a_node_or_an_ack(string topic)
    {
        byte[] payload = EdgeCodec.Encode(NodeMessages.Batch());

        IngestItem item = Classify(topic, payload);

        AssertDeadLetter(item, topic, null, payload);
        Assert.Null(item.Ack);
    }

    [Theory]
    [InlineData("edge/mairie-12/down/config")]
    [InlineData("edge/mairie-12/down/ack")]
    [InlineData("edge/mairie-12/down/update")]
    [InlineData("edge/mairie-12/status")]
    public void A_topic_the_fleet_does_not_ingest_is_a_dead_letter_naming_the_node(string topic)
    {
        byte[] payload = EdgeCodec.Encode(NodeMessages.Batch());

        IngestItem item = Classify(topic, payload);

        DeadLetter letter = AssertDeadLetter(item, topic, NodeMessages.Node, payload);
        Assert.Contains("up/", letter.Reason, StringComparison.Ordinal);
        Assert.Null(item.Ack);
    }

    public static TheoryData<UpChannel, byte[], string> WrongKinds => new()
    {
        { UpChannel.Batch, EdgeCodec.Encode(NodeMessages.Health()), "Health" },
        { UpChannel.Batch, EdgeCodec.Encode(NodeMessages.Alert()), "Alert" },
        { UpChannel.Alert, EdgeCodec.Encode(NodeMessages.Batch()), "Batch" },
        { UpChannel.Health, EdgeCodec.Encode(NodeMessages.ConfigApplied()), "ConfigApplied" },
        { UpChannel.Ack, EdgeCodec.Encode(new AckMessage(NodeMessages.Node, AckSubject.Batch, 1, AckOutcome.Stored, null)), "Ack" },
    };

    [Theory]
    [MemberData(nameof(WrongKinds))]
    public void A_message_of_the_wrong_kind_for_its_topic_is_a_dead_letter_saying_what_it_was(UpChannel channel, byte[] payload, string kind)
    {
        string topic = NodeMessages.Topic(channel);

        IngestItem item = Classify(topic, payload);

        DeadLetter letter = AssertDeadLetter(item, topic, NodeMessages.Node, payload);
        Assert.Contains(kind, letter.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(UpChannel.Batch)]
    [InlineData(UpChannel.Alert)]
    [InlineData(UpChannel.Health)]
    [InlineData(UpChannel.Ack)]
    public void Every_truncation_of_a_valid_payload_is_a_dead_letter_or_decodes_to_the_whole(UpChannel channel)
    {
        byte[] whole = channel switch
        {
            UpChannel.Batch => EdgeCodec.Encode(NodeMessages.Batch()),
            UpChannel.Alert => EdgeCodec.Encode(NodeMessages.Alert()),
            UpChannel.Health => EdgeCodec.Encode(NodeMessages.Health()),
            _ => EdgeCodec.Encode(NodeMessages.ConfigApplied()),
        };
        string topic = NodeMessages.Topic(channel);
        IngestItem complete = Classify(topic, whole);

        for (int length = 0; length < whole.Length; length++)
        {
            byte[] cut = whole[..length];
            IngestItem item = Classify(topic, cut);
            if (item.DeadLetter is null)
            {
                // .NET's DeflateStream does not insist on the stream's final bits: a compressed body cut by its last
                // byte can still inflate to the whole body, which the exact-length check then accepts. Harmless (the
                // content is complete, and MQTT never delivers part of a payload), so only that case may pass.
                Assert.True(whole[2] == 1, $"a plain body cut at {length} of {whole.Length} bytes was accepted");
                Assert.Equal(complete.Metrics, item.Metrics);
                Assert.Equal(complete.Ack, item.Ack);
                Assert.Equal(complete.Health, item.Health);
                continue;
            }
            AssertDeadLetter(item, topic, NodeMessages.Node, cut);
        }
    }

    [Fact]
    public void Garbage_is_a_dead_letter_and_never_an_exception()
    {
        // Seeded so that a failure can be replayed; a valid header in front of half of them gets past the envelope.
        var random = new Random(20260314);
        string topic = NodeMessages.Topic(UpChannel.Batch);
        for (int i = 0; i < 2_000; i++)
        {
            byte[] payload = new byte[random.Next(0, 400)];
            random.NextBytes(payload);
            if (i % 2 == 0 && payload.Length >= 3)
            {
                payload[0] = 1;
                payload[1] = (byte)MessageKind.Batch;
                payload[2] = (byte)(i % 4 == 0 ? 0 : 1);
            }

            IngestItem item = Classify(topic, payload);

            Assert.NotNull(item.DeadLetter);
            Assert.False(string.IsNullOrWhiteSpace(item.DeadLetter.Reason));
            Assert.Empty(item.Metrics);
        }
    }

    [Fact]
    public void A_payload_over_the_size_limit_is_a_dead_letter_naming_the_limit()
    {
        byte[] payload = new byte[PayloadLimits.MaximumPayloadBytes + 1];
        payload[0] = 1;
        payload[1] = (byte)MessageKind.Batch;
        string topic = NodeMessages.Topic(UpChannel.Batch);

        IngestItem item = Classify(topic, payload);

        DeadLetter letter = AssertDeadLetter(item, topic, NodeMessages.Node, payload);
        Assert.Contains(PayloadLimits.MaximumPayloadBytes.ToString(System.Globalization.CultureInfo.InvariantCulture), letter.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_compressed_body_that_inflates_beyond_the_limit_is_a_dead_letter()
    {
        // 8 MiB of zeros deflate to a few KiB: small on the wire, a bomb once inflated.
        using var compressed = new MemoryStream();
        compressed.Write([1, (byte)MessageKind.Batch, 1]);
        using (var deflate = new DeflateStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            deflate.Write(new byte[8 * 1024 * 1024]);
        }
        byte[] payload = compressed.ToArray();
        Assert.True(payload.Length < PayloadLimits.MaximumPayloadBytes);
        string topic = NodeMessages.Topic(UpChannel.Batch);

        IngestItem item = Classify(topic, payload);

        DeadLetter letter = AssertDeadLetter(item, topic, NodeMessages.Node, payload);
        Assert.Contains("inflates", letter.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_health_report_becomes_the_nodes_health_record_with_the_report_as_json_and_no_ack()
    {
        HealthReport health = NodeMessages.Health();

        IngestItem item = Classify(NodeMessages.Topic(UpChannel.Health), EdgeCodec.Encode(health));

        NodeHealthReport report = Assert.IsType<NodeHealthReport>(item.Health);
        Assert.Equal(NodeMessages.Node, report.NodeId);
        Assert.Equal(health.ReportedAt, report.ReportedAt);
        using JsonDocument json = JsonDocument.Parse(report.Json);
        Assert.Equal(NodeMessages.Node, json.RootElement.GetProperty(nameof(HealthReport.NodeId)).GetString());
        Assert.Equal("0.4.1-3-gdeadbee", json.RootElement.GetProperty(nameof(HealthReport.FirmwareVersion)).GetString());
        Assert.Equal(12, json.RootElement.GetProperty(nameof(HealthReport.BacklogWindows)).GetInt32());
        Assert.Equal(2, json.RootElement.GetProperty(nameof(HealthReport.Sensors)).GetArrayLength());
        Assert.Empty(item.Metrics);
        Assert.Null(item.DeadLetter);
        Assert.Null(item.Ack);
    }

    [Fact]
    public void A_health_report_naming_another_node_is_a_dead_letter()
    {
        byte[] payload = EdgeCodec.Encode(NodeMessages.Health(node: "ecole-3"));
        string topic = NodeMessages.Topic(UpChannel.Health);

        IngestItem item = Classify(topic, payload);

        AssertDeadLetter(item, topic, NodeMessages.Node, payload);
        Assert.Null(item.Health);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void An_alert_becomes_an_alert_record_acked_as_stored(bool raised)
    {
        AlertMessage alert = NodeMessages.Alert(alertId: 31, raised: raised);

        IngestItem item = Classify(NodeMessages.Topic(UpChannel.Alert), EdgeCodec.Encode(alert));

        Assert.Equal(new NodeAlertRecord(NodeMessages.Node, alert.At, "pm25_ugm3", "Poor", 52.4, Cleared: !raised), item.Alert);
        Assert.Equal(new AckMessage(NodeMessages.Node, AckSubject.Alert, 31, AckOutcome.Stored, null), item.Ack);
        Assert.Null(item.DeadLetter);
        Assert.Equal(1, item.RowCount);
    }

    [Fact]
    public void An_alert_naming_another_node_is_a_dead_letter_without_an_ack()
    {
        byte[] payload = EdgeCodec.Encode(NodeMessages.Alert(node: "ecole-3", alertId: 5));
        string topic = NodeMessages.Topic(UpChannel.Alert);

        IngestItem item = Classify(topic, payload);

        AssertDeadLetter(item, topic, NodeMessages.Node, payload);
        Assert.Null(item.Ack);
    }

    [Fact]
    public void A_configuration_answer_adds_no_rows_and_sends_no_ack()
    {
        ConfigApplied answer = NodeMessages.ConfigApplied();

        IngestItem item = Classify(NodeMessages.Topic(UpChannel.Ack), EdgeCodec.Encode(answer));

        Assert.Equal(answer, item.ConfigAnswer);
        Assert.Equal(0, item.RowCount);
        Assert.Empty(item.Metrics);
        Assert.Empty(item.Traffic);
        Assert.Null(item.DeadLetter);
        Assert.Null(item.Ack);
    }

    [Fact]
    public void A_batch_carrying_buffer_events_keeps_them_for_the_log()
    {
        WindowBatch batch = NodeMessages.Batch() with
        {
            Gaps = [new WireGap(NodeMessages.Start.AddHours(-5), NodeMessages.Start.AddHours(-4), 4, WireGapCause.QuotaExceeded)],
        };

        IngestItem item = Classify(NodeMessages.Topic(UpChannel.Batch), EdgeCodec.Encode(batch));

        Assert.Equal(batch.Gaps, item.Reports?.Gaps);
        Assert.Null(Classify(NodeMessages.Topic(UpChannel.Batch), EdgeCodec.Encode(NodeMessages.Batch())).Reports);
    }

    /// <summary>A dead letter and nothing else: no rows, the payload kept as received, a reason a person can read.</summary>
    private static DeadLetter AssertDeadLetter(IngestItem item, string topic, string? node, byte[] payload)
    {
        DeadLetter letter = Assert.IsType<DeadLetter>(item.DeadLetter);
        Assert.Equal(topic, letter.Topic);
        Assert.Equal(node, letter.NodeId);
        Assert.Equal(payload, letter.Payload);
        Assert.Equal(ReceivedAt, letter.ReceivedAt);
        Assert.False(string.IsNullOrWhiteSpace(letter.Reason));
        Assert.Empty(item.Metrics);
        Assert.Empty(item.Traffic);
        Assert.Null(item.Health);
        Assert.Null(item.Alert);
        return letter;
    }
}

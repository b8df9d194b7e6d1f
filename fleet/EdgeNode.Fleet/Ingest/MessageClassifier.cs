using System.Text.Json;
using EdgeNode.Fleet.Storage;
using EdgeNode.Protocol.Codec;
using EdgeNode.Protocol.Messages;
using EdgeNode.Protocol.Topics;

namespace EdgeNode.Fleet.Ingest;

/// <summary>
/// Decides what an incoming message becomes. Anything that does not follow the protocol becomes a dead letter with
/// its reason; a batch or alert that can still be attributed to its node (node id and id readable, the node id the
/// topic's) is also acked as rejected, since resending cannot help. Nothing here throws for bad input.
/// </summary>
public static class MessageClassifier
{
    private static readonly JsonSerializerOptions HealthJson = new() { WriteIndented = false };

    public static IngestItem Classify(string topic, ReadOnlyMemory<byte> payload, DateTimeOffset receivedAt) =>
        ClassifyContent(topic, payload, receivedAt) with { Topic = topic, Payload = payload };

    private static IngestItem ClassifyContent(string topic, ReadOnlyMemory<byte> payload, DateTimeOffset receivedAt)
    {
        if (!EdgeTopics.TryParse(topic, out ParsedTopic parsed, out string problem))
        {
            return IngestItem.Dead(Letter(receivedAt, topic, null, payload, problem));
        }
        if (parsed.Kind != TopicKind.Up)
        {
            return IngestItem.Dead(Letter(receivedAt, topic, parsed.NodeId, payload, "the fleet ingests only up/… topics"));
        }
        try
        {
            return parsed.Up switch
            {
                UpChannel.Batch => Batch(topic, parsed.NodeId, payload, receivedAt),
                UpChannel.Alert => Alert(topic, parsed.NodeId, payload, receivedAt),
                UpChannel.Health => Health(topic, parsed.NodeId, payload, receivedAt),
                _ => ConfigAnswer(topic, parsed.NodeId, payload, receivedAt),
            };
        }
        catch (PayloadRejectedException e)
        {
            return IngestItem.Dead(Letter(receivedAt, topic, parsed.NodeId, payload, e.Message), RejectionFor(parsed, payload, e.Message));
        }
    }

    /// <summary>
    /// The Rejected ack for a batch or alert refused while decoding, when its opening still names the topic's node and
    /// an id: without it the node would send the same payload for ever, and its later data would wait behind it.
    /// </summary>
    private static AckMessage? RejectionFor(ParsedTopic parsed, ReadOnlyMemory<byte> payload, string reason)
    {
        AckSubject? subject = parsed.Up switch
        {
            UpChannel.Batch => AckSubject.Batch,
            UpChannel.Alert => AckSubject.Alert,
            _ => null,
        };
        return subject is { } s && EdgeCodec.ReadOrigin(payload) is { } origin && origin.NodeId == parsed.NodeId
            ? new AckMessage(parsed.NodeId, s, origin.Id, AckOutcome.Rejected, reason)
            : null;
    }

    private static IngestItem Batch(string topic, string topicNode, ReadOnlyMemory<byte> payload, DateTimeOffset receivedAt)
    {
        WindowBatch batch = EdgeCodec.DecodeBatch(payload);
        if (batch.NodeId != topicNode)
        {
            // Not attributable (README, "Delivery"): which node's batch id would an ack name?
            return IngestItem.Dead(Letter(receivedAt, topic, topicNode, payload, OtherNode(batch.NodeId, topicNode)));
        }
        if ((SensorNameRules.Problem(batch.Windows) ?? WindowTimeRules.Problem(batch.Windows, receivedAt)) is { } implausible)
        {
            return IngestItem.Dead(Letter(receivedAt, topic, topicNode, payload, implausible), new AckMessage(topicNode, AckSubject.Batch, batch.BatchId, AckOutcome.Rejected, implausible));
        }
        var metrics = new List<MetricWindowRow>();
        var traffic = new List<TrafficWindowRow>();
        var noValues = new List<NoValueWindowRow>();
        foreach (WireWindow w in batch.Windows)
        {
            foreach (WireSensorWindow s in w.Sensors)
            {
                if (s.Metrics.Count == 0)
                {
                    noValues.Add(new NoValueWindowRow(batch.NodeId, s.Sensor, w.Start, w.LengthSeconds, (byte)w.Time, w.Partial,
                        s.Coverage, s.Faults, s.LastFault?.ToString(), w.CalibrationVersion));
                }
                foreach (WireMetricSummary m in s.Metrics)
                {
                    metrics.Add(new MetricWindowRow(batch.NodeId, s.Sensor, m.Metric.Name, w.Start, w.LengthSeconds, (byte)w.Time, w.Partial,
                        m.Count, m.Mean, m.Minimum, m.Maximum, m.Last, s.Coverage, s.Faults, s.LastFault?.ToString(), w.CalibrationVersion));
                }
            }
            if (w.Traffic is { } t)
            {
                traffic.Add(new TrafficWindowRow(batch.NodeId, t.Sensor, w.Start, w.LengthSeconds, (byte)w.Time, w.Partial,
                    t.Approaching, t.Receding, [.. t.SpeedHistogram], t.V85KilometresPerHour));
            }
        }
        return new IngestItem(metrics, traffic, null, null, null, new AckMessage(batch.NodeId, AckSubject.Batch, batch.BatchId, AckOutcome.Stored, null))
        {
            NoValues = noValues,
            Reports = batch.Gaps.Count + batch.Downsamplings.Count + batch.SetAside.Count > 0 ? batch : null,
        };
    }

    private static IngestItem Alert(string topic, string topicNode, ReadOnlyMemory<byte> payload, DateTimeOffset receivedAt)
    {
        AlertMessage alert = EdgeCodec.DecodeAlert(payload);
        if (alert.NodeId != topicNode)
        {
            return IngestItem.Dead(Letter(receivedAt, topic, topicNode, payload, OtherNode(alert.NodeId, topicNode)));
        }
        var record = new NodeAlertRecord(alert.NodeId, alert.At, alert.Metric.Name, alert.Band.ToString(), alert.RollingMean, Cleared: !alert.Raised);
        return new IngestItem([], [], null, record, null, new AckMessage(alert.NodeId, AckSubject.Alert, alert.AlertId, AckOutcome.Stored, null));
    }

    private static IngestItem Health(string topic, string topicNode, ReadOnlyMemory<byte> payload, DateTimeOffset receivedAt)
    {
        HealthReport health = EdgeCodec.DecodeHealth(payload);
        if (health.NodeId != topicNode)
        {
            return IngestItem.Dead(Letter(receivedAt, topic, topicNode, payload, OtherNode(health.NodeId, topicNode)));
        }
        return new IngestItem([], [], new NodeHealthReport(health.NodeId, health.ReportedAt, JsonSerializer.Serialize(health, HealthJson)), null, null, null);
    }

    private static IngestItem ConfigAnswer(string topic, string topicNode, ReadOnlyMemory<byte> payload, DateTimeOffset receivedAt)
    {
        ConfigApplied answer = EdgeCodec.DecodeConfigApplied(payload);
        if (answer.NodeId != topicNode)
        {
            return IngestItem.Dead(Letter(receivedAt, topic, topicNode, payload, OtherNode(answer.NodeId, topicNode)));
        }
        return new IngestItem([], [], null, null, null, null) { ConfigAnswer = answer };
    }

    private static string OtherNode(string payloadNode, string topicNode) =>
        $"payload names node '{payloadNode}' but was published on the topic of node '{topicNode}'";

    private static DeadLetter Letter(DateTimeOffset receivedAt, string topic, string? nodeId, ReadOnlyMemory<byte> payload, string reason) =>
        new(receivedAt, topic, nodeId, payload.ToArray(), reason);
}

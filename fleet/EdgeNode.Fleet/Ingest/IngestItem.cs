using EdgeNode.Fleet.Storage;
using EdgeNode.Protocol.Messages;

namespace EdgeNode.Fleet.Ingest;

/// <summary>
/// One incoming message, classified: the rows it adds (or the dead letter it becomes) and the ack to send the node
/// once they are committed.
/// </summary>
public sealed record IngestItem(
    IReadOnlyList<MetricWindowRow> Metrics,
    IReadOnlyList<TrafficWindowRow> Traffic,
    NodeHealthReport? Health,
    NodeAlertRecord? Alert,
    DeadLetter? DeadLetter,
    AckMessage? Ack)
{
    public int RowCount => Metrics.Count + Traffic.Count + NoValues.Count + (Health is null ? 0 : 1) + (Alert is null ? 0 : 1) + (DeadLetter is null ? 0 : 1) + (Drop is null ? 0 : 1);

    /// <summary>The sensors that gave no value in a window, with their fault: a window must reach the fleet even when every read failed.</summary>
    public IReadOnlyList<NoValueWindowRow> NoValues { get; init; } = [];

    /// <summary>The dead letter this message would have been, counted only: its sender was over its quota.</summary>
    public DeadLetterDrop? Drop { get; init; }

    /// <summary>The batch's buffer events (gaps, downsamplings, set-aside files), when it carried any.</summary>
    public WindowBatch? Reports { get; init; }

    /// <summary>Where the message came from, kept so that it can still become a dead letter if the store refuses its rows.</summary>
    public string Topic { get; init; } = "";

    public ReadOnlyMemory<byte> Payload { get; init; }

    /// <summary>A node's answer to a configuration revision.</summary>
    public ConfigApplied? ConfigAnswer { get; init; }

    public static IngestItem Dead(DeadLetter deadLetter, AckMessage? ack = null) => new([], [], null, null, deadLetter, ack);
}

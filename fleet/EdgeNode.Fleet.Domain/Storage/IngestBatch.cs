namespace EdgeNode.Fleet.Storage;

/// <summary>
/// Everything the ingest wants stored in one transaction: <see cref="IFleetStore.CommitAsync"/> stores all of it or
/// none of it. Within a list, later entries are the later arrivals: when two share a natural key, the later one wins.
/// </summary>
public sealed class IngestBatch
{
    public List<MetricWindowRow> Metrics { get; } = [];

    public List<TrafficWindowRow> Traffic { get; } = [];

    public List<NoValueWindowRow> NoValues { get; } = [];

    public List<DeadLetter> DeadLetters { get; } = [];

    /// <summary>Dead letters only counted, their sender being over its quota; added to what is stored for the same sender and period.</summary>
    public List<DeadLetterDrop> DeadLetterDrops { get; } = [];

    public List<NodeHealthReport> Health { get; } = [];

    public List<NodeAlertRecord> Alerts { get; } = [];

    /// <summary>Rows of every kind together.</summary>
    public int Count => Metrics.Count + Traffic.Count + NoValues.Count + DeadLetters.Count + DeadLetterDrops.Count + Health.Count + Alerts.Count;

    public bool IsEmpty => Count == 0;

    public override string ToString() =>
        $"{Metrics.Count} metric windows, {Traffic.Count} traffic windows, {NoValues.Count} sensor windows without values, {DeadLetters.Count} dead letters, {DeadLetterDrops.Count} dead-letter drop counts, {Health.Count} health reports, {Alerts.Count} alerts";
}

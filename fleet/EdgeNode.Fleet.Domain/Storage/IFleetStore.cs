namespace EdgeNode.Fleet.Storage;

/// <summary>
/// The fleet's storage: SQLite by default, PostgreSQL at scale (<see cref="FleetStoreFactory"/>). Both pass the same
/// contract tests. Instances are thread-safe; one per process.
/// </summary>
public interface IFleetStore : IAsyncDisposable
{
    /// <summary>Creates or migrates the schema (recorded in a schema_version table). Idempotent: call it on every start.</summary>
    /// <exception cref="FleetStoreException">The database was written by a newer fleet, or cannot be reached.</exception>
    Task InitialiseAsync(CancellationToken ct);

    /// <summary>
    /// Stores the whole batch in one transaction, upserting on natural keys (latest wins), and returns only once the
    /// transaction is durable: only then may the ingest acknowledge the node.
    /// </summary>
    /// <exception cref="InvalidIngestBatchException">A row is malformed; nothing of the batch was stored.</exception>
    /// <exception cref="FleetStoreException">The database refused the batch; nothing of it was stored.</exception>
    Task CommitAsync(IngestBatch batch, CancellationToken ct);

    /// <param name="nodeId">One node, or null for the whole fleet.</param>
    Task<long> CountMetricWindowsAsync(string? nodeId, CancellationToken ct);

    /// <summary>Windows starting in [<paramref name="from"/>, <paramref name="to"/>), by start, then sensor and metric.</summary>
    /// <param name="metric">One metric, or null for all.</param>
    Task<IReadOnlyList<MetricWindowRow>> ReadMetricWindowsAsync(string nodeId, string? metric, DateTimeOffset from, DateTimeOffset to, CancellationToken ct);

    /// <summary>Windows starting in [<paramref name="from"/>, <paramref name="to"/>), by start, then sensor.</summary>
    Task<IReadOnlyList<TrafficWindowRow>> ReadTrafficWindowsAsync(string nodeId, DateTimeOffset from, DateTimeOffset to, CancellationToken ct);

    /// <summary>Sensors without values in windows starting in [<paramref name="from"/>, <paramref name="to"/>), by start, then sensor.</summary>
    Task<IReadOnlyList<NoValueWindowRow>> ReadNoValueWindowsAsync(string nodeId, DateTimeOffset from, DateTimeOffset to, CancellationToken ct);

    /// <summary>The newest dead letters first.</summary>
    /// <param name="nodeId">One node, or null for all (including those whose sender is unknown).</param>
    Task<IReadOnlyList<StoredDeadLetter>> ReadDeadLettersAsync(string? nodeId, int limit, CancellationToken ct);

    Task<long> CountDeadLettersAsync(CancellationToken ct);

    /// <summary>The dead letters not kept, per sender and quota period, for periods starting at or after <paramref name="since"/>; by period, then sender.</summary>
    Task<IReadOnlyList<DeadLetterDrop>> ReadDeadLetterDropsAsync(DateTimeOffset since, CancellationToken ct);

    /// <summary>Deletes the dead letters received before <paramref name="before"/>, and the drop counts of periods that started before it.</summary>
    /// <returns>How many dead letters were deleted.</returns>
    Task<long> DeleteDeadLettersBeforeAsync(DateTimeOffset before, CancellationToken ct);

    /// <summary>The latest health report of every node that sent one, by node id.</summary>
    Task<IReadOnlyList<NodeHealthReport>> ReadLatestHealthAsync(CancellationToken ct);

    /// <summary>Alerts by time raised, then node and pollutant.</summary>
    /// <param name="nodeId">One node, or null for all.</param>
    Task<IReadOnlyList<NodeAlertRecord>> ReadAlertsAsync(string? nodeId, CancellationToken ct);
}

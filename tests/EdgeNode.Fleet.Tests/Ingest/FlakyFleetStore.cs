using EdgeNode.Fleet.Storage;

namespace EdgeNode.Fleet.Tests.Ingest;

/// <summary>
/// A real store behind a wrapper that refuses the first few commits as a database that is down would, and counts
/// commits, so that a test can tell what the pipeline committed, and when, without timing anything.
/// </summary>
internal sealed class FlakyFleetStore(IFleetStore inner, int failFirstCommits = 0) : IFleetStore
{
    private int _attempts;
    private int _failed;
    private int _committed;

    /// <summary>Commits the real store accepted, invalid batches excluded.</summary>
    public int Committed => Volatile.Read(ref _committed);

    /// <summary>Commits refused here, before the real store saw them.</summary>
    public int Failed => Volatile.Read(ref _failed);

    public async Task CommitAsync(IngestBatch batch, CancellationToken ct)
    {
        if (Interlocked.Increment(ref _attempts) <= failFirstCommits)
        {
            Interlocked.Increment(ref _failed);
            throw new FleetStoreException("the test's database is down");
        }
        await inner.CommitAsync(batch, ct);
        Interlocked.Increment(ref _committed);
    }

    public Task InitialiseAsync(CancellationToken ct) => inner.InitialiseAsync(ct);

    public Task<IReadOnlyList<DeadLetterDrop>> ReadDeadLetterDropsAsync(DateTimeOffset since, CancellationToken ct) => inner.ReadDeadLetterDropsAsync(since, ct);

    public Task<long> DeleteDeadLettersBeforeAsync(DateTimeOffset before, CancellationToken ct) => inner.DeleteDeadLettersBeforeAsync(before, ct);

    public Task<long> CountMetricWindowsAsync(string? nodeId, CancellationToken ct) => inner.CountMetricWindowsAsync(nodeId, ct);

    public Task<IReadOnlyList<MetricWindowRow>> ReadMetricWindowsAsync(string nodeId, string? metric, DateTimeOffset from, DateTimeOffset to, CancellationToken ct) =>
        inner.ReadMetricWindowsAsync(nodeId, metric, from, to, ct);

    public Task<IReadOnlyList<TrafficWindowRow>> ReadTrafficWindowsAsync(string nodeId, DateTimeOffset from, DateTimeOffset to, CancellationToken ct) =>
        inner.ReadTrafficWindowsAsync(nodeId, from, to, ct);

    public Task<IReadOnlyList<NoValueWindowRow>> ReadNoValueWindowsAsync(string nodeId, DateTimeOffset from, DateTimeOffset to, CancellationToken ct) =>
        inner.ReadNoValueWindowsAsync(nodeId, from, to, ct);

    public Task<IReadOnlyList<StoredDeadLetter>> ReadDeadLettersAsync(string? nodeId, int limit, CancellationToken ct) => inner.ReadDeadLettersAsync(nodeId, limit, ct);

    public Task<long> CountDeadLettersAsync(CancellationToken ct) => inner.CountDeadLettersAsync(ct);

    public Task<IReadOnlyList<NodeHealthReport>> ReadLatestHealthAsync(CancellationToken ct) => inner.ReadLatestHealthAsync(ct);

    public Task<IReadOnlyList<NodeAlertRecord>> ReadAlertsAsync(string? nodeId, CancellationToken ct) => inner.ReadAlertsAsync(nodeId, ct);

    public ValueTask DisposeAsync() => inner.DisposeAsync();
}

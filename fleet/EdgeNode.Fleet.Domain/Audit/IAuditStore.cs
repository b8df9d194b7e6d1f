namespace EdgeNode.Fleet.Audit;

/// <summary>Where audit entries are kept: the fleet's database (the same store object as <see cref="Storage.IFleetStore"/>).</summary>
public interface IAuditStore
{
    /// <summary>Appends the entry (its Id is ignored) and returns the id it was given.</summary>
    Task<long> AppendAuditEntryAsync(AuditEntry entry, CancellationToken ct);

    /// <summary>Newest first (by id), at most <paramref name="limit"/>, older than <paramref name="beforeId"/> when given.</summary>
    Task<IReadOnlyList<AuditEntry>> ReadAuditEntriesAsync(int limit, long? beforeId, CancellationToken ct);
}

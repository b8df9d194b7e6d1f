namespace EdgeNode.Fleet.Audit;

/// <summary>Stores each entry and writes it to the log as one line, so that an operator following the log sees it too.</summary>
internal sealed class AuditLog(IAuditStore store, TimeProvider time, ILogger<AuditLog> logger) : IAuditLog
{
    private const int MaxFieldLength = 2_000;

    public async Task RecordAsync(string actor, string action, string target, string details, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        ArgumentException.ThrowIfNullOrWhiteSpace(action);
        var entry = new AuditEntry(0, time.GetUtcNow(), Clip(actor), Clip(action), Clip(target ?? ""), Clip(details ?? ""));
        long id = await store.AppendAuditEntryAsync(entry, ct);
        logger.LogInformation("Audit #{Id}: {Actor} {Action} {Target}: {Details}", id, entry.Actor, entry.Action, entry.Target, entry.Details);
    }

    public Task<IReadOnlyList<AuditEntry>> ReadAsync(int limit, long? beforeId, CancellationToken ct) =>
        store.ReadAuditEntriesAsync(Math.Clamp(limit, 1, 1_000), beforeId, ct);

    // A page shows what it is given; a field of megabytes from a careless caller must not become a row of megabytes.
    private static string Clip(string value) => value.Length <= MaxFieldLength ? value : value[..MaxFieldLength] + "…";
}

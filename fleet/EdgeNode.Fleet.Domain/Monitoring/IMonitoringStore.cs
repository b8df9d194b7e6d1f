namespace EdgeNode.Fleet.Monitoring;

/// <summary>
/// What monitoring keeps in the fleet's database (the same store object as <see cref="Storage.IFleetStore"/>): the
/// alerts the fleet raises, and when each node last sent data.
/// </summary>
public interface IMonitoringStore
{
    /// <summary>Records a new open alert, unless one is already open for the condition's (node, kind, subject).</summary>
    /// <returns>The new alert, or null when one was already open (nothing changed).</returns>
    Task<FleetAlert?> RaiseAlertAsync(AlertCondition condition, DateTimeOffset at, CancellationToken ct);

    /// <summary>Closes an open alert; false when there is no such alert or it was already cleared.</summary>
    Task<bool> ClearAlertAsync(long id, DateTimeOffset at, CancellationToken ct);

    /// <summary>Records who acknowledged an alert; false when there is no such alert or it was already acknowledged.</summary>
    Task<bool> AcknowledgeAlertAsync(long id, string by, DateTimeOffset at, CancellationToken ct);

    Task<FleetAlert?> FindAlertAsync(long id, CancellationToken ct);

    /// <summary>Open alerts, the newest first.</summary>
    /// <param name="nodeId">One node, or null for all.</param>
    Task<IReadOnlyList<FleetAlert>> ReadOpenAlertsAsync(string? nodeId, CancellationToken ct);

    /// <summary>Alerts cleared at or after <paramref name="since"/>, the newest first, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<FleetAlert>> ReadClearedAlertsAsync(string? nodeId, DateTimeOffset since, int limit, CancellationToken ct);

    /// <summary>
    /// For each given node that ever sent a metric or traffic window: the end of its newest window (start plus length).
    /// One index seek per node, never a scan of the windows.
    /// </summary>
    Task<IReadOnlyDictionary<string, DateTimeOffset>> ReadLastDataAsync(IReadOnlyCollection<string> nodeIds, CancellationToken ct);
}

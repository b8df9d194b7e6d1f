using EdgeNode.Fleet.Registry;
using EdgeNode.Fleet.Storage;
using Microsoft.Extensions.Options;

namespace EdgeNode.Fleet.Monitoring;

/// <summary>
/// Gathers what monitoring needs from the database (registry, latest health reports, last data per node) and
/// classifies it: the one way both the pages and the alert evaluator see the fleet.
/// </summary>
public sealed class FleetStatusReader(
    IFleetStore store,
    INodeRegistryStore registry,
    IMonitoringStore monitoring,
    IOptionsMonitor<MonitoringOptions> options,
    NodeActivity activity,
    TimeProvider time)
{
    public async Task<FleetStatus> ReadAsync(CancellationToken ct)
    {
        IReadOnlyList<NodeObservation> observations = await ObserveAsync(ct);
        return FleetStatusClassifier.Classify(observations, options.CurrentValue, time);
    }

    /// <summary>
    /// Every registered node, in the registry's order, then nodes that still report without being registered (enrolled
    /// before the registry existed, or removed from it while still sending), by id. A node removed from the registry
    /// and quiet since is gone: its old health report stays in the database but it is not listed.
    /// </summary>
    public async Task<IReadOnlyList<NodeObservation>> ObserveAsync(CancellationToken ct)
    {
        IReadOnlyList<RegisteredNode> registered = await registry.ListAsync(ct);
        IReadOnlyList<NodeHealthReport> reports = await store.ReadLatestHealthAsync(ct);
        Dictionary<string, NodeHealthReport> reportByNode = reports.ToDictionary(report => report.NodeId, StringComparer.Ordinal);
        List<string> ids = [.. registered.Select(node => node.Id)];
        var known = new HashSet<string>(ids, StringComparer.Ordinal);
        DateTimeOffset recent = time.GetUtcNow() - options.CurrentValue.SilentAfter;
        ids.AddRange(reports.Where(report => !known.Contains(report.NodeId) && report.ReportedAt >= recent)
            .Select(report => report.NodeId).Order(StringComparer.Ordinal));
        IReadOnlyDictionary<string, DateTimeOffset> lastData = await monitoring.ReadLastDataAsync(ids, ct);
        Dictionary<string, RegisteredNode> byId = registered.ToDictionary(node => node.Id, StringComparer.Ordinal);

        return [.. ids.Select(id =>
        {
            reportByNode.TryGetValue(id, out NodeHealthReport? report);
            Protocol.Messages.HealthReport? health = report is null ? null : HealthReportJson.TryRead(report.Json);
            return new NodeObservation(
                id,
                byId.GetValueOrDefault(id),
                health,
                HealthUnreadable: report is not null && health is null,
                report?.ReportedAt,
                lastData.TryGetValue(id, out DateTimeOffset end) ? end : null)
            {
                LastReceivedAt = activity.LastHeard(id),
                WatchedSince = byId.GetValueOrDefault(id)?.EnrolledAt,
            };
        })];
    }
}

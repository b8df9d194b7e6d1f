using EdgeNode.Fleet.Storage;
using Microsoft.Extensions.Options;

namespace EdgeNode.Fleet.Monitoring;

/// <summary>
/// One evaluation: reads the fleet (dead-letter floods included), works out which alerts should be open (<see cref="AlertRules"/>), raises and
/// clears to match, and queues the webhook for each newly raised pollution alert.
/// </summary>
public sealed class AlertEvaluator(
    FleetStatusReader reader,
    IFleetStore store,
    IMonitoringStore alerts,
    AlertWebhook webhook,
    IOptionsMonitor<AlertOptions> options,
    IOptionsMonitor<MonitoringOptions> monitoring,
    IOptionsMonitor<DeadLetterOptions> deadLetters,
    TimeProvider time,
    ILogger<AlertEvaluator> logger)
{
    /// <returns>What was changed (alerts another evaluator raised first are left out of <see cref="AlertPlan.Raise"/>).</returns>
    public async Task<AlertPlan> EvaluateAsync(CancellationToken ct)
    {
        FleetStatus fleet = await reader.ReadAsync(ct);
        IReadOnlyList<NodeAlertRecord> nodeAlerts = await store.ReadAlertsAsync(null, ct);
        IReadOnlyList<FleetAlert> open = await alerts.ReadOpenAlertsAsync(null, ct);
        DateTimeOffset now = time.GetUtcNow();
        List<AlertCondition> conditions = [.. AlertRules.Conditions(fleet, nodeAlerts)];
        conditions.AddRange(await ThresholdConditionsAsync(fleet, now, ct));
        DeadLetterOptions quota = deadLetters.CurrentValue;
        DateTimeOffset previousPeriod = quota.PeriodStart(now) - quota.Period;
        conditions.AddRange(AlertRules.FloodConditions(fleet, await store.ReadDeadLetterDropsAsync(previousPeriod, ct), quota));
        AlertPlan plan = AlertRules.Plan(conditions, open);
        var raised = new List<AlertCondition>();
        foreach (AlertCondition condition in plan.Raise)
        {
            // Null: another fleet instance raised it between our read and now; the index keeps one.
            if (await alerts.RaiseAlertAsync(condition, now, ct) is not { } alert)
            {
                continue;
            }

            raised.Add(condition);
            logger.LogWarning("Alert {AlertId} raised: {Kind} on {Node} {Subject}: {Detail}",
                alert.Id, AlertKindNames.ToName(alert.Kind), alert.NodeId, alert.Subject, alert.Detail);
            if (alert.Kind == AlertKind.Pollution)
            {
                NodeState? node = fleet.Nodes.FirstOrDefault(candidate => candidate.NodeId == alert.NodeId);
                webhook.Enqueue(new PollutionWebhookPayload(
                    "pollution", alert.Id, alert.NodeId, node?.Name ?? alert.NodeId, node?.Municipality ?? "",
                    node?.Registered?.Latitude, node?.Registered?.Longitude, alert.Subject, alert.Band, alert.Value, alert.RaisedAt, alert.Detail));
            }
        }

        foreach (FleetAlert alert in plan.Clear)
        {
            if (await alerts.ClearAlertAsync(alert.Id, now, ct))
            {
                logger.LogInformation("Alert {AlertId} cleared: {Kind} on {Node} {Subject}", alert.Id, AlertKindNames.ToName(alert.Kind), alert.NodeId, alert.Subject);
            }
        }

        return new AlertPlan(raised, plan.Clear);
    }

    private async Task<IReadOnlyList<AlertCondition>> ThresholdConditionsAsync(FleetStatus fleet, DateTimeOffset now, CancellationToken ct)
    {
        Dictionary<string, double> thresholds = options.CurrentValue.PollutionThresholds;
        if (thresholds.Count == 0)
        {
            return [];
        }

        // Only recent windows count: an old reading from a node that went quiet is not today's air.
        DateTimeOffset since = now - monitoring.CurrentValue.SilentAfter;
        var windows = new Dictionary<string, IReadOnlyList<MetricWindowRow>>(StringComparer.Ordinal);
        foreach (NodeState node in fleet.Nodes.Where(node => node.Registered is { Enabled: true } && !node.Has(NodeProblem.Silent)))
        {
            var rows = new List<MetricWindowRow>();
            foreach (string metric in thresholds.Keys)
            {
                rows.AddRange(await store.ReadMetricWindowsAsync(node.NodeId, metric, since, now.AddDays(1), ct));
            }

            windows[node.NodeId] = rows;
        }

        return AlertRules.ThresholdConditions(thresholds, windows);
    }
}

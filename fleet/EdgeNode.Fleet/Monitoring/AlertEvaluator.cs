using EdgeNode.Fleet.Storage;

namespace EdgeNode.Fleet.Monitoring;

/// <summary>
/// One evaluation: reads the fleet, works out which alerts should be open (<see cref="AlertRules"/>), raises and
/// clears to match, and queues the webhook for each newly raised pollution alert.
/// </summary>
public sealed class AlertEvaluator(
    FleetStatusReader reader,
    IFleetStore store,
    IMonitoringStore alerts,
    AlertWebhook webhook,
    TimeProvider time,
    ILogger<AlertEvaluator> logger)
{
    /// <returns>What was changed (alerts another evaluator raised first are left out of <see cref="AlertPlan.Raise"/>).</returns>
    public async Task<AlertPlan> EvaluateAsync(CancellationToken ct)
    {
        FleetStatus fleet = await reader.ReadAsync(ct);
        IReadOnlyList<NodeAlertRecord> nodeAlerts = await store.ReadAlertsAsync(null, ct);
        IReadOnlyList<FleetAlert> open = await alerts.ReadOpenAlertsAsync(null, ct);
        AlertPlan plan = AlertRules.Plan(AlertRules.Conditions(fleet, nodeAlerts), open);
        DateTimeOffset now = time.GetUtcNow();
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
}

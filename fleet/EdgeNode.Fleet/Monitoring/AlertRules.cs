using EdgeNode.Fleet.Localisation;
using EdgeNode.Fleet.Storage;

namespace EdgeNode.Fleet.Monitoring;

/// <summary>
/// What should be alerting right now, and how the recorded alerts must change to match. Pure: the evaluator feeds it
/// the fleet's state and the open alerts, and applies its answer.
/// </summary>
public static class AlertRules
{
    // Alert messages are stored and sent to the municipality's webhook: the staff panel's language.
    private static StaffText Text => StaffText.French;

    /// <summary>
    /// The conditions that deserve an open alert: silent nodes, each faulty sensor, low disk, and each pollutant whose
    /// latest node-raised alert is not cleared. Only registered, enabled nodes raise alerts: a disabled node is expected
    /// to be quiet, and one missing from the registry has no name or place anyone could act on (the overview shows it).
    /// </summary>
    public static IReadOnlyList<AlertCondition> Conditions(FleetStatus fleet, IReadOnlyList<NodeAlertRecord> nodeAlerts)
    {
        ArgumentNullException.ThrowIfNull(fleet);
        ArgumentNullException.ThrowIfNull(nodeAlerts);
        var conditions = new List<AlertCondition>();
        var enabled = new HashSet<string>(fleet.Nodes.Where(node => node.Registered is { Enabled: true }).Select(node => node.NodeId), StringComparer.Ordinal);
        foreach (NodeState node in fleet.Nodes.Where(node => enabled.Contains(node.NodeId)))
        {
            if (node.Has(NodeProblem.Silent))
            {
                conditions.Add(new AlertCondition(node.NodeId, AlertKind.Silent, "", node.Reasons[0]));
            }

            if (node.Health is { } health)
            {
                foreach (Protocol.Messages.SensorHealth sensor in health.Sensors.Where(FleetStatusClassifier.IsFaulty))
                {
                    conditions.Add(new AlertCondition(node.NodeId, AlertKind.SensorFault, sensor.Sensor, Text.SensorFaultAlert(sensor.Sensor, sensor.LastFault!.Value)));
                }

                if (node.Has(NodeProblem.LowDisk))
                {
                    conditions.Add(new AlertCondition(node.NodeId, AlertKind.LowDisk, "",
                        Text.LowDiskAlert(health.DiskFreeBytes / (1024 * 1024), health.DiskTotalBytes / (1024 * 1024))));
                }
            }
        }

        // The node decides when a threshold is crossed (rolling mean against its configured bands) and says so at once;
        // the fleet only mirrors it. Its latest word per pollutant is the truth: raised and not cleared since.
        foreach (NodeAlertRecord latest in nodeAlerts
                     .Where(alert => enabled.Contains(alert.NodeId))
                     .GroupBy(alert => (alert.NodeId, alert.Pollutant))
                     .Select(group => group.MaxBy(alert => alert.RaisedAt)!)
                     .Where(alert => !alert.Cleared))
        {
            conditions.Add(new AlertCondition(latest.NodeId, AlertKind.Pollution, latest.Pollutant,
                Text.NodePollutionAlert(latest.Pollutant, latest.Value, latest.Band, StaffTime.Format(latest.RaisedAt)),
                latest.Value, latest.Band));
        }

        return conditions;
    }

    /// <summary>
    /// Pollution conditions the fleet finds itself: for each node and configured metric, the newest window's mean (the
    /// highest over the node's sensors for that window) at or above the metric's threshold. The band is "threshold".
    /// </summary>
    /// <param name="newestWindows">Per node, its recent windows of the configured metrics (any order).</param>
    public static IReadOnlyList<AlertCondition> ThresholdConditions(
        IReadOnlyDictionary<string, double> thresholds, IReadOnlyDictionary<string, IReadOnlyList<MetricWindowRow>> newestWindows)
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        ArgumentNullException.ThrowIfNull(newestWindows);
        var conditions = new List<AlertCondition>();
        foreach ((string nodeId, IReadOnlyList<MetricWindowRow> windows) in newestWindows.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            foreach (IGrouping<string, MetricWindowRow> metric in windows.Where(row => thresholds.ContainsKey(row.Metric)).GroupBy(row => row.Metric))
            {
                DateTimeOffset newest = metric.Max(row => row.WindowStart);
                MetricWindowRow worst = metric.Where(row => row.WindowStart == newest).MaxBy(row => row.Mean)!;
                double threshold = thresholds[metric.Key];
                if (worst.Mean >= threshold)
                {
                    conditions.Add(new AlertCondition(nodeId, AlertKind.Pollution, metric.Key,
                        Text.ThresholdAlert(metric.Key, worst.Mean, MetricChart.UnitOf(metric.Key), threshold, StaffTime.Format(newest), worst.Sensor),
                        worst.Mean, "threshold"));
                }
            }
        }

        return conditions;
    }

    /// <summary>
    /// A flood condition for each registered, enabled node with dead letters dropped over its quota in
    /// <paramref name="drops"/> (the evaluator passes the current and the previous quota period, so the alert clears
    /// once a whole period has passed without a drop).
    /// </summary>
    public static IReadOnlyList<AlertCondition> FloodConditions(FleetStatus fleet, IReadOnlyList<DeadLetterDrop> drops, DeadLetterOptions quota)
    {
        ArgumentNullException.ThrowIfNull(fleet);
        ArgumentNullException.ThrowIfNull(drops);
        ArgumentNullException.ThrowIfNull(quota);
        var enabled = new HashSet<string>(fleet.Nodes.Where(node => node.Registered is { Enabled: true }).Select(node => node.NodeId), StringComparer.Ordinal);
        return [.. drops
            .Where(drop => drop.NodeId is { } node && enabled.Contains(node))
            .GroupBy(drop => drop.NodeId!, StringComparer.Ordinal)
            .OrderBy(group => group.Key, StringComparer.Ordinal)
            .Select(group => new AlertCondition(group.Key, AlertKind.DeadLetterFlood, "",
                Text.DeadLetterFloodAlert(group.Sum(drop => drop.Messages), StaffTime.Format(group.Min(drop => drop.PeriodStart)),
                    quota.MaxPerNodePerPeriod, quota.MaxBytesPerNodePerPeriod / (1024 * 1024), quota.Period.TotalMinutes)))];
    }

    /// <summary>Conditions without an open alert are raised; open alerts whose condition is gone are cleared.</summary>
    public static AlertPlan Plan(IReadOnlyList<AlertCondition> conditions, IReadOnlyList<FleetAlert> open)
    {
        ArgumentNullException.ThrowIfNull(conditions);
        ArgumentNullException.ThrowIfNull(open);
        var wanted = new HashSet<(string, AlertKind, string)>(conditions.Select(condition => condition.Key));
        var alreadyOpen = new HashSet<(string, AlertKind, string)>(open.Select(alert => alert.Key));
        // DistinctBy keeps the first: the node's own pollution alert (with its band) before the fleet's threshold check.
        AlertCondition[] raise = [.. conditions.Where(condition => !alreadyOpen.Contains(condition.Key)).DistinctBy(condition => condition.Key)];
        FleetAlert[] clear = [.. open.Where(alert => !wanted.Contains(alert.Key))];
        return new AlertPlan(raise, clear);
    }
}

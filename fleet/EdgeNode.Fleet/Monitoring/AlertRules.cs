using System.Globalization;
using EdgeNode.Fleet.Storage;

namespace EdgeNode.Fleet.Monitoring;

/// <summary>
/// What should be alerting right now, and how the recorded alerts must change to match. Pure: the evaluator feeds it
/// the fleet's state and the open alerts, and applies its answer.
/// </summary>
public static class AlertRules
{
    /// <summary>
    /// The conditions that deserve an open alert: silent nodes, each faulty sensor, low disk, and each pollutant whose
    /// latest node-raised alert is not cleared. Disabled nodes are expected to be quiet and raise nothing.
    /// </summary>
    public static IReadOnlyList<AlertCondition> Conditions(FleetStatus fleet, IReadOnlyList<NodeAlertRecord> nodeAlerts)
    {
        ArgumentNullException.ThrowIfNull(fleet);
        ArgumentNullException.ThrowIfNull(nodeAlerts);
        var conditions = new List<AlertCondition>();
        var disabled = new HashSet<string>(fleet.Nodes.Where(node => node.Registered is { Enabled: false }).Select(node => node.NodeId), StringComparer.Ordinal);
        foreach (NodeState node in fleet.Nodes.Where(node => !disabled.Contains(node.NodeId)))
        {
            if (node.Has(NodeProblem.Silent))
            {
                conditions.Add(new AlertCondition(node.NodeId, AlertKind.Silent, "", node.Reasons[0]));
            }

            if (node.Health is { } health)
            {
                foreach (Protocol.Messages.SensorHealth sensor in health.Sensors.Where(FleetStatusClassifier.IsFaulty))
                {
                    conditions.Add(new AlertCondition(node.NodeId, AlertKind.SensorFault, sensor.Sensor, $"{sensor.Sensor}: {sensor.LastFault}"));
                }

                if (node.Has(NodeProblem.LowDisk))
                {
                    conditions.Add(new AlertCondition(node.NodeId, AlertKind.LowDisk, "",
                        string.Create(CultureInfo.InvariantCulture, $"{health.DiskFreeBytes / (1024 * 1024)} MB libres sur {health.DiskTotalBytes / (1024 * 1024)} MB")));
                }
            }
        }

        // The node decides when a threshold is crossed (rolling mean against its configured bands) and says so at once;
        // the fleet only mirrors it. Its latest word per pollutant is the truth: raised and not cleared since.
        foreach (NodeAlertRecord latest in nodeAlerts
                     .Where(alert => !disabled.Contains(alert.NodeId))
                     .GroupBy(alert => (alert.NodeId, alert.Pollutant))
                     .Select(group => group.MaxBy(alert => alert.RaisedAt)!)
                     .Where(alert => !alert.Cleared))
        {
            conditions.Add(new AlertCondition(latest.NodeId, AlertKind.Pollution, latest.Pollutant,
                string.Create(CultureInfo.InvariantCulture, $"{latest.Pollutant} : {latest.Value:0.#}, bande {latest.Band}, depuis le {StaffTime.Format(latest.RaisedAt)}"),
                latest.Value, latest.Band));
        }

        return conditions;
    }

    /// <summary>Conditions without an open alert are raised; open alerts whose condition is gone are cleared.</summary>
    public static AlertPlan Plan(IReadOnlyList<AlertCondition> conditions, IReadOnlyList<FleetAlert> open)
    {
        ArgumentNullException.ThrowIfNull(conditions);
        ArgumentNullException.ThrowIfNull(open);
        var wanted = new HashSet<(string, AlertKind, string)>(conditions.Select(condition => condition.Key));
        var alreadyOpen = new HashSet<(string, AlertKind, string)>(open.Select(alert => alert.Key));
        AlertCondition[] raise = [.. conditions.Where(condition => !alreadyOpen.Contains(condition.Key)).DistinctBy(condition => condition.Key)];
        FleetAlert[] clear = [.. open.Where(alert => !wanted.Contains(alert.Key))];
        return new AlertPlan(raise, clear);
    }
}

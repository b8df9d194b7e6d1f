using EdgeNode.Fleet.Monitoring;
using EdgeNode.Fleet.Storage;
using EdgeNode.Protocol.Messages;
using static EdgeNode.Fleet.Tests.Monitoring.Observations;

namespace EdgeNode.Fleet.Tests.Monitoring;

public sealed class AlertRulesTests
{
    private static FleetStatus Fleet(params NodeObservation[] nodes) => FleetStatusClassifier.Classify(nodes, new MonitoringOptions(), Now);

    private static FleetAlert Open(AlertCondition condition, long id = 1) =>
        new(id, condition.NodeId, condition.Kind, condition.Subject, condition.Detail, condition.Value, condition.Band, Now, null, null, null);

    [Fact]
    public void Each_faulty_sensor_is_its_own_condition()
    {
        IReadOnlyList<AlertCondition> conditions = AlertRules.Conditions(
            Fleet(Observe(Report(sensors: [Sensor("sds011", WireFault.NotAnswering), Sensor("bme280", WireFault.Stuck), Sensor("ops243")]))), []);

        Assert.Equal(["bme280", "sds011"], conditions.Where(c => c.Kind == AlertKind.SensorFault).Select(c => c.Subject).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Only_the_latest_node_alert_per_pollutant_counts()
    {
        NodeAlertRecord[] history =
        [
            new("lampadaire-1", Now.AddHours(-3), "pm25_ugm3", "Poor", 40, false),
            new("lampadaire-1", Now.AddHours(-2), "pm25_ugm3", "Fair", 18, true),
            new("lampadaire-1", Now.AddHours(-1), "no2_ugm3", "VeryPoor", 250, false),
        ];

        AlertCondition pollution = Assert.Single(AlertRules.Conditions(Fleet(Observe(Report())), history));

        Assert.Equal(("lampadaire-1", AlertKind.Pollution, "no2_ugm3"), pollution.Key);
        Assert.Equal(250, pollution.Value);
        Assert.Equal("VeryPoor", pollution.Band);
    }

    [Fact]
    public void The_plan_raises_what_is_not_open_clears_what_is_gone_and_never_doubles()
    {
        var fault = new AlertCondition("a", AlertKind.SensorFault, "sds011", "x");
        var disk = new AlertCondition("a", AlertKind.LowDisk, "", "y");
        var silent = new AlertCondition("b", AlertKind.Silent, "", "z");

        AlertPlan plan = AlertRules.Plan([fault, fault with { Detail = "again" }, disk], [Open(disk, 1), Open(silent, 2)]);

        Assert.Equal([fault], plan.Raise);
        Assert.Equal([2L], plan.Clear.Select(alert => alert.Id));
        Assert.True(AlertRules.Plan([disk], [Open(disk)]).IsEmpty);
    }
}

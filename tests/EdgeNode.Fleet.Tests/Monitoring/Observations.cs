using EdgeNode.Fleet.Monitoring;
using EdgeNode.Fleet.Registry;
using EdgeNode.Protocol.Messages;

namespace EdgeNode.Fleet.Tests.Monitoring;

/// <summary>Nodes as monitoring sees them, healthy unless a test says otherwise.</summary>
internal static class Observations
{
    public static readonly DateTimeOffset Now = new(2026, 5, 12, 14, 0, 0, TimeSpan.Zero);

    public static RegisteredNode Node(string id = "lampadaire-1", string name = "École Jules-Ferry", string municipality = "Saint-Girons") =>
        new(id, name, municipality, "LP-0042", 42.98, 1.15, Enabled: true, Now.AddDays(-30), Now.AddDays(-30));

    public static HealthReport Report(
        string id = "lampadaire-1",
        DateTimeOffset? at = null,
        string firmware = "1.4.0",
        long diskFree = 8L << 30,
        long diskTotal = 16L << 30,
        WireClockState clock = WireClockState.Synchronised,
        DateTimeOffset? oldestBacklog = null,
        params SensorHealth[] sensors) =>
        new(id, at ?? Now.AddMinutes(-10), firmware, TimeSpan.FromDays(3), 48.5, diskFree, diskTotal, 200L << 20, 40L << 20, clock,
            oldestBacklog is null ? 0 : 12, oldestBacklog, at ?? Now.AddMinutes(-10), 3,
            sensors.Length > 0 ? sensors : [Sensor("sds011"), Sensor("bme280")]);

    public static SensorHealth Sensor(string name, WireFault? fault = null) =>
        new(name, fault, Now.AddMinutes(fault is null ? -10 : -90), fault is null ? null : Now.AddMinutes(-20));

    public static NodeObservation Observe(HealthReport? health, DateTimeOffset? lastData = null, RegisteredNode? node = null, string id = "lampadaire-1") =>
        new(id, node ?? Node(id), health, false, health?.ReportedAt, lastData ?? Now.AddMinutes(-15));
}

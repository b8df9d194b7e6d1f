using System.Text.Json;
using EdgeNode.Fleet.Registry;
using EdgeNode.Fleet.Storage;
using EdgeNode.Protocol.Messages;

namespace EdgeNode.Browser.Tests;

/// <summary>
/// Three nodes put in the staff fleet's database before it starts, as ingest would have stored them, dated from the
/// real clock (the fleet process reads it): one in service, one silent for five hours, one whose particulate sensor
/// stopped answering.
/// </summary>
internal static class MonitoredNodes
{
    public const string InService = "lavoir-1";
    public const string Silent = "pont-2";
    public const string SensorFault = "halle-3";

    public static async Task SeedAsync(string connectionString)
    {
        await using IFleetStore store = FleetStoreFactory.Create(connectionString);
        await store.InitialiseAsync(CancellationToken.None);
        var registry = (INodeRegistryStore)store;
        DateTimeOffset now = DateTimeOffset.UtcNow;
        DateTimeOffset lastEnd = DateTimeOffset.FromUnixTimeSeconds(now.ToUnixTimeSeconds() / 900 * 900);
        (string Id, string Name, TimeSpan Silence, WireFault? Fault)[] nodes =
        [
            (InService, "Lavoir", TimeSpan.Zero, null),
            (Silent, "Pont de la Lèze", TimeSpan.FromHours(5), null),
            (SensorFault, "Halle aux grains", TimeSpan.Zero, WireFault.NotAnswering),
        ];
        var batch = new IngestBatch();
        int index = 0;
        foreach ((string id, string name, TimeSpan silence, WireFault? fault) in nodes)
        {
            index++;
            await registry.AddAsync(
                new RegisteredNode(id, name, "Lézat", $"LP-{index}", 43.27 + (index / 400.0), 1.35 + (index / 400.0), true, now.AddDays(-3), now.AddDays(-3)),
                "not-a-real-hash", CancellationToken.None);
            DateTimeOffset last = lastEnd - silence;
            var report = new HealthReport(id, last, "1.0.0", TimeSpan.FromDays(2), 48.5, 20L << 30, 29L << 30, 2L << 30, 60L << 20, WireClockState.Synchronised, 0, null, last,
                0, [new SensorHealth("sds011", fault, fault is null ? last : last.AddHours(-2), fault is null ? null : last.AddHours(-2)), new SensorHealth("bme280", null, last, null)]);
            batch.Health.Add(new NodeHealthReport(id, last, JsonSerializer.Serialize(report)));
            for (int window = 1; window <= 96; window++)
            {
                DateTimeOffset start = last - TimeSpan.FromMinutes(15 * window);
                double pm25 = 8 + (4 * Math.Sin(window / 8.0));
                batch.Metrics.Add(new MetricWindowRow(id, "pms5003", "pm25_ugm3", start, 900, 0, false, 30, pm25, pm25 - 2, pm25 + 3, pm25, 1, 0, null, 1));
                batch.Metrics.Add(new MetricWindowRow(id, "bme280", "temperature_c", start, 900, 0, false, 60, 9 + (window / 24.0), 8, 12, 9, 1, 0, null, 1));
            }
        }
        await store.CommitAsync(batch, CancellationToken.None);
    }
}

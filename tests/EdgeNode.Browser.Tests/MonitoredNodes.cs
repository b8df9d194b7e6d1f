using System.Text.Json;
using EdgeNode.Fleet.Registry;
using EdgeNode.Fleet.Staff;
using EdgeNode.Fleet.Storage;
using EdgeNode.Protocol.Messages;

namespace EdgeNode.Browser.Tests;

/// <summary>
/// Three nodes put in the staff fleet's database before it starts, as ingest would have stored them, dated from the
/// real clock (the fleet process reads it): one in service, one silent for five hours, one whose particulate sensor
/// stopped answering. With the long values real fleets have: a firmware version with its 40-digit commit, a 48-character
/// node id, long names and lamppost references, a 64-character user name beside the admin.
/// </summary>
internal static class MonitoredNodes
{
    public const string InService = "lavoir-1";
    public const string Silent = "pont-2";
    public const string SensorFault = "halle-aux-grains-de-lezat-sur-leze-facade-nord-3";

    /// <summary>What a release build reports: the version and the commit it was built from.</summary>
    public const string LongFirmware = "1.0.0+3f2a9c1d4b5e6f708192a3b4c5d6e7f8091a2b3c";

    /// <summary>A staff user with the longest name allowed, beside the first admin.</summary>
    public const string LongUserName = "marie-christine.dupont-de-la-villardiere.technicienne-voirie-est";

    public static async Task SeedAsync(string connectionString)
    {
        await using IFleetStore store = FleetStoreFactory.Create(connectionString);
        await store.InitialiseAsync(CancellationToken.None);
        var registry = (INodeRegistryStore)store;
        DateTimeOffset now = DateTimeOffset.UtcNow;
        DateTimeOffset lastEnd = DateTimeOffset.FromUnixTimeSeconds(now.ToUnixTimeSeconds() / 900 * 900);
        (string Id, string Name, string LampPost, TimeSpan Silence, WireFault? Fault)[] nodes =
        [
            (InService, "Lavoir communal de la rue des Tanneurs, côté rivière, près du pont de pierre", "LZ-RUE-DES-TANNEURS-CANDELABRE-0042-BIS", TimeSpan.Zero, null),
            (Silent, "Pont de la Lèze", "LP-2", TimeSpan.FromHours(5), null),
            (SensorFault, "Halle aux grains", "LZ-HALLE-AUX-GRAINS-FACADE-NORD-0003", TimeSpan.Zero, WireFault.NotAnswering),
        ];
        var batch = new IngestBatch();
        int index = 0;
        foreach ((string id, string name, string lampPost, TimeSpan silence, WireFault? fault) in nodes)
        {
            index++;
            await registry.AddAsync(
                new RegisteredNode(id, name, index == 1 ? "Saint-Jean-de-la-Rivière-sur-Dordogne" : "Lézat", lampPost, 43.27 + (index / 400.0), 1.35 + (index / 400.0), true, now.AddDays(-3), now.AddDays(-3)),
                "not-a-real-hash", CancellationToken.None);
            DateTimeOffset last = lastEnd - silence;
            var report = new HealthReport(id, last, LongFirmware, TimeSpan.FromDays(2), 48.5, 20L << 30, 29L << 30, 2L << 30, 60L << 20, WireClockState.Synchronised, 0, null, last,
                0, [new SensorHealth("sds011", fault, fault is null ? last : last.AddHours(-2), fault is null ? null : last.AddHours(-2)), new SensorHealth("bme280", null, last, null)]);
            batch.Health.Add(new NodeHealthReport(id, last, JsonSerializer.Serialize(report)));
            for (int window = 1; window <= 96; window++)
            {
                DateTimeOffset start = last - TimeSpan.FromMinutes(15 * window);
                double pm25 = 8 + (4 * Math.Sin(window / 8.0));
                batch.Metrics.Add(new MetricWindowRow(id, "pms5003", "pm25_ugm3", start, 900, 0, false, 30, pm25, pm25 - 2, pm25 + 3, pm25, 1, 0, null, 1));
                batch.Metrics.Add(new MetricWindowRow(id, "bme280", "temperature_c", start, 900, 0, false, 60, 9 + (window / 24.0), 8, 12, 9, 1, 0, null, 1));
                batch.Metrics.Add(new MetricWindowRow(id, "bme280", "pressure_hpa", start, 900, 0, false, 60, 1013 + (window / 48.0), 1012, 1015, 1013, 1, 0, null, 1));
                batch.Metrics.Add(new MetricWindowRow(id, "scd4x", "co2_ppm", start, 900, 0, false, 60, 420 + window, 410, 480, 430, 1, 0, null, 1));
            }
        }
        await store.CommitAsync(batch, CancellationToken.None);

        // The first admin as the fleet would create it (it creates none once a user exists), and a colleague.
        var users = (IStaffUserStore)store;
        var passwords = new StaffPasswords(new StaffOptions());
        await users.AddStaffUserAsync(
            new StaffUser("admin", StaffRoles.Admin, passwords.Hash(FleetProcess.AdminPassword), StaffPasswords.NewSecurityStamp(), true, 0, null, now.AddDays(-3), null), CancellationToken.None);
        await users.AddStaffUserAsync(
            new StaffUser(LongUserName, StaffRoles.Technician, passwords.Hash("a long technician password"), StaffPasswords.NewSecurityStamp(), true, 0, null, now.AddDays(-3), now.AddHours(-2)),
            CancellationToken.None);
        await ((EdgeNode.Fleet.Audit.IAuditStore)store).AppendAuditEntryAsync(
            new EdgeNode.Fleet.Audit.AuditEntry(0, now.AddDays(-3), "system", "user.create", LongUserName, "créé avec la base de test"), CancellationToken.None);
    }
}

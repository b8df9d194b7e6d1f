using EdgeNode.Fleet.Audit;
using EdgeNode.Fleet.Calibration;
using EdgeNode.Fleet.Monitoring;
using EdgeNode.Fleet.Registry;
using EdgeNode.Fleet.Staff;
using EdgeNode.Fleet.Storage;
using EdgeNode.Fleet.Storage.Sqlite;
using EdgeNode.Protocol.Calibration;
using Microsoft.Data.Sqlite;

namespace EdgeNode.Fleet.Tests.Contract;

/// <summary>
/// A file left by the fleet before its instant columns took PostgreSQL's names (schema version 7, "at_us" and the like)
/// opens in this fleet with every row and instant it held.
/// </summary>
public sealed class SqliteUpgradeTests : IAsyncLifetime
{
    private const int VersionBeforeRename = 7;

    private static readonly DateTimeOffset Enrolled = DateTimeOffset.Parse("2026-03-01T10:00:00.123456Z", System.Globalization.CultureInfo.InvariantCulture);

    private readonly SqliteTestDatabase _database = new();

    private static CancellationToken None => CancellationToken.None;

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _database.DeleteAsync();

    [Fact]
    public async Task A_file_from_before_the_rename_opens_with_its_rows_and_instants()
    {
        WriteVersion7File();

        await using IFleetStore store = FleetStoreFactory.Create(_database.FilePath);
        await store.InitialiseAsync(None);

        RegisteredNode node = (await ((INodeRegistryStore)store).FindAsync("node-001", None))!;
        Assert.Equal((Enrolled, At(1)), (node.EnrolledAt, node.CredentialIssuedAt));
        Assert.Equal("hash-1", await ((INodeRegistryStore)store).ReadCredentialHashAsync("node-001", None));

        StaffUser user = (await ((IStaffUserStore)store).FindStaffUserAsync("alice", None))!;
        Assert.Equal(((DateTimeOffset?)At(2), At(3), (DateTimeOffset?)At(4)), (user.LockedUntil, user.CreatedAt, user.LastSignInAt));

        AuditEntry entry = Assert.Single(await ((IAuditStore)store).ReadAuditEntriesAsync(10, null, None));
        Assert.Equal((At(5), "alice", "node.enrol"), (entry.At, entry.Actor, entry.Action));

        var monitoring = (IMonitoringStore)store;
        FleetAlert open = Assert.Single(await monitoring.ReadOpenAlertsAsync(null, None));
        Assert.Equal((At(6), (DateTimeOffset?)null), (open.RaisedAt, open.ClearedAt));
        FleetAlert cleared = Assert.Single(await monitoring.ReadClearedAlertsAsync(null, At(0), 10, None));
        Assert.Equal((At(7), (DateTimeOffset?)At(8), (DateTimeOffset?)At(9)), (cleared.RaisedAt, cleared.ClearedAt, cleared.AcknowledgedAt));

        // The partial unique index followed its column: the alert still open is still the only one for its key.
        Assert.Null(await monitoring.RaiseAlertAsync(new AlertCondition("node-001", AlertKind.Silent, "", "silent again", null, null), At(20), None));

        CalibrationRecord calibration = Assert.Single(await ((ICalibrationStore)store).ReadCalibrationsAsync("node-001", None));
        Assert.Equal((At(10), At(11), true), (calibration.CreatedAt, calibration.Answer!.At, calibration.Answer.Applied));

        StoredDeadLetter letter = Assert.Single(await store.ReadDeadLettersAsync(null, 10, None));
        Assert.Equal(At(12), letter.ReceivedAt);
        DeadLetterDrop drop = Assert.Single(await store.ReadDeadLetterDropsAsync(At(0), None));
        Assert.Equal((At(13), 4L), (drop.PeriodStart, drop.Messages));
        Assert.Equal(At(14), Assert.Single(await store.ReadLatestHealthAsync(None)).ReportedAt);
        Assert.Equal(At(15), Assert.Single(await store.ReadAlertsAsync(null, None)).RaisedAt);
    }

    private static DateTimeOffset At(int hours) => Enrolled.AddHours(hours);

    private static long Us(int hours) => StoredInstant.ToUnixMicroseconds(At(hours));

    /// <summary>The file as the fleet at schema version 7 wrote it: the migrations up to 7, rows under the old column names.</summary>
    private void WriteVersion7File()
    {
        using (var connection = new SqliteConnection(_database.ConnectionString))
        {
            connection.Open();
            SqliteSchema.Migrate(connection, VersionBeforeRename);
            using SqliteCommand insert = connection.CreateCommand();
            insert.CommandText =
                $"""
                INSERT INTO nodes (node_id, name, municipality, lamppost_id, latitude, longitude, enabled, enrolled_at_us, credential_hash, credential_issued_at_us)
                VALUES ('node-001', 'Rue Haute', 'Namur', 'L-1', 50.46, 4.87, 1, {StoredInstant.ToUnixMicroseconds(Enrolled)}, 'hash-1', {Us(1)});
                INSERT INTO staff_users (user_name, role, password_hash, security_stamp, enabled, failed_sign_ins, locked_until_us, created_at_us, last_sign_in_at_us)
                VALUES ('alice', 'admin', 'pw', 'stamp', 1, 0, {Us(2)}, {Us(3)}, {Us(4)});
                INSERT INTO audit_log (at_us, actor, action, target, details) VALUES ({Us(5)}, 'alice', 'node.enrol', 'node-001', '');
                INSERT INTO fleet_alerts (node_id, kind, subject, detail, raised_at_us) VALUES ('node-001', 'silent', '', 'silent', {Us(6)});
                INSERT INTO fleet_alerts (node_id, kind, subject, detail, raised_at_us, cleared_at_us, acknowledged_at_us, acknowledged_by)
                VALUES ('node-001', 'low_disk', '', 'disk', {Us(7)}, {Us(8)}, {Us(9)}, 'alice');
                INSERT INTO calibration_sets (node_id, version, settings_json, created_at_us, created_by, answered_at_us, applied, problem)
                VALUES ('node-001', 1, $settings, {Us(10)}, 'alice', {Us(11)}, 1, NULL);
                INSERT INTO dead_letters (received_at_us, topic, node_id, payload, original_length, reason) VALUES ({Us(12)}, 'edgenode/x/up', NULL, x'01', 1, 'bad');
                INSERT INTO dead_letter_drops (node_id, period_start_us, messages, bytes) VALUES ('node-001', {Us(13)}, 4, 400);
                INSERT INTO node_health (node_id, reported_at_us, report_json) VALUES ('node-001', {Us(14)}, '[]');
                INSERT INTO node_alerts (node_id, pollutant, raised_at_us, band, measured_value, cleared) VALUES ('node-001', 'pm25', {Us(15)}, 'high', 60, 0);
                """;
            insert.Parameters.AddWithValue("$settings", StoredCalibration.ToJson(new CalibrationSet(1, [new CalibrationEntry("sds011", "pm25_ugm3", 1.1, 0.5)])));
            insert.ExecuteNonQuery();
        }

        SqliteConnection.ClearAllPools();
    }
}

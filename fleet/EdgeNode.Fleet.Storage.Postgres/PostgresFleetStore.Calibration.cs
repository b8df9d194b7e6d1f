using EdgeNode.Fleet.Calibration;
using EdgeNode.Protocol.Calibration;
using Npgsql;
using NpgsqlTypes;

namespace EdgeNode.Fleet.Storage.Postgres;

/// <summary>Calibration sets in PostgreSQL (table calibration_sets).</summary>
internal sealed partial class PostgresFleetStore : ICalibrationStore
{
    /// <summary>The first key of the advisory lock that serialises one node's calibration writers (the second is the node id's hash).</summary>
    private const int CalibrationLockClass = 5; // no other lock of ours uses it; 5 is the migration that made calibration_sets

    private const string CalibrationColumns = "node_id, version, settings_json, created_at, created_by, answered_at, applied, problem";

    public Task<CalibrationRecord> AddCalibrationAsync(string nodeId, IReadOnlyList<CalibrationEntry> entries, string createdBy, DateTimeOffset at, int nodeRevision, CancellationToken ct)
    {
        StoredCalibration.RequireApplicable(entries);
        return ReadAsync(ct, async (connection, token) =>
        {
            // Writers of one node's sets (two fleet instances, two staff members) wait for each other here, so the
            // newest version read stays the newest until this commits. A retry on the primary key instead could lose
            // round after round to other writers.
            await using NpgsqlTransaction transaction = await connection.BeginTransactionAsync(token);
            await using (NpgsqlCommand serialise = Command(connection, "SELECT pg_advisory_xact_lock($1, hashtext($2))", new NpgsqlParameter<int> { TypedValue = CalibrationLockClass }, Text(nodeId)))
            {
                await serialise.ExecuteNonQueryAsync(token);
            }
            await using NpgsqlCommand newest = Command(connection, "SELECT coalesce(max(version), 0) FROM calibration_sets WHERE node_id = $1", Text(nodeId));
            var set = new CalibrationSet(Math.Max((int)(await newest.ExecuteScalarAsync(token))!, nodeRevision) + 1, entries);
            await using NpgsqlCommand insert = Command(
                connection,
                "INSERT INTO calibration_sets (node_id, version, settings_json, created_at, created_by) VALUES ($1, $2, $3, $4, $5)",
                Text(nodeId), Version(set.Version), Text(StoredCalibration.ToJson(set)), Instant(at), Text(createdBy));
            await insert.ExecuteNonQueryAsync(token);
            await transaction.CommitAsync(token);
            return new CalibrationRecord(nodeId, set, StoredInstant.FromUnixMicroseconds(StoredInstant.ToUnixMicroseconds(at)), createdBy, null);
        });
    }

    public Task<IReadOnlyList<CalibrationRecord>> ReadCalibrationsAsync(string nodeId, CancellationToken ct) =>
        ReadAsync(ct, async (connection, token) =>
        {
            await using NpgsqlCommand command = Command(connection, $"SELECT {CalibrationColumns} FROM calibration_sets WHERE node_id = $1 ORDER BY version DESC", Text(nodeId));
            return await ReadAllAsync(command, token, ReadCalibration);
        });

    public Task<IReadOnlyList<CalibrationRecord>> ReadLatestCalibrationsAsync(CancellationToken ct) =>
        ReadAsync(ct, async (connection, token) =>
        {
            await using NpgsqlCommand command = Command(connection, $"SELECT DISTINCT ON (node_id) {CalibrationColumns} FROM calibration_sets ORDER BY node_id, version DESC");
            return await ReadAllAsync(command, token, ReadCalibration);
        });

    public Task<bool> RecordCalibrationAnswerAsync(string nodeId, int version, CalibrationAnswer answer, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(answer);
        return ReadAsync(ct, async (connection, token) =>
        {
            await using NpgsqlCommand command = Command(
                connection,
                "UPDATE calibration_sets SET answered_at = $3, applied = $4, problem = $5 WHERE node_id = $1 AND version = $2",
                Text(nodeId), Version(version), Instant(answer.At), new NpgsqlParameter { Value = answer.Applied, NpgsqlDbType = NpgsqlDbType.Boolean }, Text(answer.Problem));
            return await command.ExecuteNonQueryAsync(token) == 1;
        });
    }

    private static NpgsqlParameter Version(int version) => new() { Value = version, NpgsqlDbType = NpgsqlDbType.Integer };

    private static CalibrationRecord ReadCalibration(NpgsqlDataReader row) => new(
        row.GetString(0),
        StoredCalibration.FromJson(row.GetString(2)),
        row.GetFieldValue<DateTimeOffset>(3),
        row.GetString(4),
        row.IsDBNull(5) ? null : new CalibrationAnswer(row.GetBoolean(6), row.IsDBNull(7) ? null : row.GetString(7), row.GetFieldValue<DateTimeOffset>(5)));
}

using System.Data.Common;
using Dapper;
using EdgeNode.Fleet.Calibration;
using EdgeNode.Protocol.Calibration;

namespace EdgeNode.Fleet.Storage.Queries;

/// <summary>Calibration sets (table calibration_sets).</summary>
internal abstract partial class SqlFleetStore : ICalibrationStore
{
    private const string CalibrationColumns = "node_id, version, settings_json, created_at, created_by, answered_at, applied, problem";

    public Task<CalibrationRecord> AddCalibrationAsync(string nodeId, IReadOnlyList<CalibrationEntry> entries, string createdBy, DateTimeOffset at, int nodeRevision, CancellationToken ct)
    {
        StoredCalibration.RequireApplicable(entries);
        return InTransactionAsync(
            async (connection, transaction, token) =>
            {
                // A retry on the primary key instead could lose round after round to other writers.
                await Dialect.SerialiseCalibrationWritersAsync(connection, transaction, nodeId, token);
                int newest = await connection.ExecuteScalarAsync<int>(Command(
                    "SELECT coalesce(max(version), 0) FROM calibration_sets WHERE node_id = @node", new { node = nodeId }, token, transaction));
                var set = new CalibrationSet(Math.Max(newest, nodeRevision) + 1, entries);
                await connection.ExecuteAsync(Command(
                    "INSERT INTO calibration_sets (node_id, version, settings_json, created_at, created_by) VALUES (@node, @version, @settings, @at, @by)",
                    new { node = nodeId, version = set.Version, settings = StoredCalibration.ToJson(set), at = Dialect.Instant(at), by = createdBy },
                    token,
                    transaction));
                return new CalibrationRecord(nodeId, set, StoredInstant.FromUnixMicroseconds(StoredInstant.ToUnixMicroseconds(at)), createdBy, null);
            },
            ct);
    }

    public Task<IReadOnlyList<CalibrationRecord>> ReadCalibrationsAsync(string nodeId, CancellationToken ct) =>
        OnConnectionAsync(
            (connection, token) => QueryAsync(
                connection,
                Command($"SELECT {CalibrationColumns} FROM calibration_sets WHERE node_id = @node ORDER BY version DESC", new { node = nodeId }, token),
                ReadCalibration),
            ct);

    // One seek on the primary key (node_id, version) per node.
    public Task<IReadOnlyList<CalibrationRecord>> ReadLatestCalibrationsAsync(CancellationToken ct) =>
        OnConnectionAsync(
            (connection, token) => QueryAsync(
                connection,
                Command(
                    $"""
                    SELECT {CalibrationColumns} FROM calibration_sets c
                    WHERE version = (SELECT max(version) FROM calibration_sets WHERE node_id = c.node_id) ORDER BY node_id
                    """,
                    null,
                    token),
                ReadCalibration),
            ct);

    public Task<bool> RecordCalibrationAnswerAsync(string nodeId, int version, CalibrationAnswer answer, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(answer);
        return ChangeOneAsync(
            "UPDATE calibration_sets SET answered_at = @at, applied = @applied, problem = @problem WHERE node_id = @node AND version = @version",
            new { node = nodeId, version, at = Dialect.Instant(answer.At), applied = answer.Applied, problem = answer.Problem },
            ct);
    }

    private CalibrationRecord ReadCalibration(DbDataReader row) => new(
        row.GetString(0),
        StoredCalibration.FromJson(row.GetString(2)),
        Dialect.ReadInstant(row, 3),
        row.GetString(4),
        row.IsDBNull(5) ? null : new CalibrationAnswer(row.GetBoolean(6), row.IsDBNull(7) ? null : row.GetString(7), Dialect.ReadInstant(row, 5)));
}

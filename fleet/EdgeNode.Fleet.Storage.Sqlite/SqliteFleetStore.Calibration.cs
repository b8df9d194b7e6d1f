using EdgeNode.Fleet.Calibration;
using EdgeNode.Protocol.Calibration;
using Microsoft.Data.Sqlite;

namespace EdgeNode.Fleet.Storage.Sqlite;

/// <summary>Calibration sets in the SQLite file (table calibration_sets).</summary>
internal sealed partial class SqliteFleetStore : ICalibrationStore
{
    private const string CalibrationColumns = "node_id, version, settings_json, created_at_us, created_by, answered_at_us, applied, problem";

    public Task<CalibrationRecord> AddCalibrationAsync(string nodeId, IReadOnlyList<CalibrationEntry> entries, string createdBy, DateTimeOffset at, int nodeRevision, CancellationToken ct)
    {
        StoredCalibration.RequireApplicable(entries);
        return WriteAsync(ct, (connection, transaction) =>
        {
            // Writers are serialised (one IMMEDIATE transaction at a time), so the newest version read here stays the newest.
            using SqliteCommand newest = Command(connection, "SELECT coalesce(max(version), 0) FROM calibration_sets WHERE node_id = $node", ("$node", nodeId));
            newest.Transaction = transaction;
            var set = new CalibrationSet(Math.Max(Convert.ToInt32(newest.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture), nodeRevision) + 1, entries);
            using SqliteCommand insert = Command(
                connection,
                "INSERT INTO calibration_sets (node_id, version, settings_json, created_at_us, created_by) VALUES ($node, $version, $settings, $at, $by)",
                ("$node", nodeId), ("$version", set.Version), ("$settings", StoredCalibration.ToJson(set)),
                ("$at", StoredInstant.ToUnixMicroseconds(at)), ("$by", createdBy));
            insert.Transaction = transaction;
            insert.ExecuteNonQuery();
            return new CalibrationRecord(nodeId, set, StoredInstant.FromUnixMicroseconds(StoredInstant.ToUnixMicroseconds(at)), createdBy, null);
        });
    }

    public Task<IReadOnlyList<CalibrationRecord>> ReadCalibrationsAsync(string nodeId, CancellationToken ct) =>
        ReadAsync(ct, connection =>
        {
            using SqliteCommand command = Command(connection, $"SELECT {CalibrationColumns} FROM calibration_sets WHERE node_id = $node ORDER BY version DESC", ("$node", nodeId));
            return ReadAll(command, ReadCalibration);
        });

    public Task<IReadOnlyList<CalibrationRecord>> ReadLatestCalibrationsAsync(CancellationToken ct) =>
        ReadAsync(ct, connection =>
        {
            using SqliteCommand command = Command(
                connection,
                $"""
                SELECT {CalibrationColumns} FROM calibration_sets c
                WHERE version = (SELECT max(version) FROM calibration_sets WHERE node_id = c.node_id) ORDER BY node_id
                """);
            return ReadAll(command, ReadCalibration);
        });

    public Task<bool> RecordCalibrationAnswerAsync(string nodeId, int version, CalibrationAnswer answer, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(answer);
        return WriteAsync(ct, (connection, transaction) =>
        {
            using SqliteCommand command = Command(
                connection,
                "UPDATE calibration_sets SET answered_at_us = $at, applied = $applied, problem = $problem WHERE node_id = $node AND version = $version",
                ("$node", nodeId), ("$version", version), ("$at", StoredInstant.ToUnixMicroseconds(answer.At)), ("$applied", answer.Applied ? 1 : 0), ("$problem", answer.Problem));
            command.Transaction = transaction;
            return command.ExecuteNonQuery() == 1;
        });
    }

    private static CalibrationRecord ReadCalibration(SqliteDataReader row) => new(
        row.GetString(0),
        StoredCalibration.FromJson(row.GetString(2)),
        StoredInstant.FromUnixMicroseconds(row.GetInt64(3)),
        row.GetString(4),
        row.IsDBNull(5) ? null : new CalibrationAnswer(row.GetInt64(6) == 1, row.IsDBNull(7) ? null : row.GetString(7), StoredInstant.FromUnixMicroseconds(row.GetInt64(5))));
}

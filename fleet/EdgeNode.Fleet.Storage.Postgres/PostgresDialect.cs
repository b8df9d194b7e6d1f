using System.Data.Common;
using Dapper;
using EdgeNode.Fleet.Storage.Queries;
using Npgsql;

namespace EdgeNode.Fleet.Storage.Postgres;

/// <summary>PostgreSQL's side of the shared queries: instants as timestamptz, histograms as integer[].</summary>
internal sealed class PostgresDialect : StoreDialect
{
    /// <summary>The first key of the advisory lock that serialises one node's calibration writers (the second is the node id's hash).</summary>
    private const int CalibrationLockClass = 5; // no other lock of ours uses it; 5 is the migration that made calibration_sets

    public static PostgresDialect Instance { get; } = new();

    // A DateTimeOffset at offset zero is what Npgsql writes as timestamptz (a DateTime would be bound as DbType.DateTime,
    // timestamp without time zone).
    public override object Instant(DateTimeOffset instant) => new DateTimeOffset(StoredInstant.ToUtcMicroseconds(instant));

    public override DateTimeOffset ReadInstant(DbDataReader row, int ordinal) => row.GetFieldValue<DateTimeOffset>(ordinal);

    public override object WindowBound(DateTimeOffset bound) => DateTimeOffset.FromUnixTimeSeconds(StoredInstant.CeilingUnixSeconds(bound));

    public override DateTimeOffset ReadWindowStart(DbDataReader row, int ordinal) => row.GetFieldValue<DateTimeOffset>(ordinal);

    public override int[] ReadSpeedHistogram(DbDataReader row, int ordinal) => row.GetFieldValue<int[]>(ordinal);

    public override bool IsDuplicateKey(DbException exception) => exception is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    // Writers of one node's sets (two fleet instances, two staff members) wait for each other here until the transaction ends.
    public override Task SerialiseCalibrationWritersAsync(DbConnection connection, DbTransaction transaction, string nodeId, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(
            "SELECT pg_advisory_xact_lock(@lockClass, hashtext(@node))", new { lockClass = CalibrationLockClass, node = nodeId }, transaction, cancellationToken: ct));
}

using System.Data.Common;
using EdgeNode.Fleet.Storage.Queries;
using Microsoft.Data.Sqlite;

namespace EdgeNode.Fleet.Storage.Sqlite;

/// <summary>SQLite's side of the shared queries: instants as INTEGER Unix microseconds (window starts as Unix seconds), histograms as BLOBs.</summary>
internal sealed class SqliteDialect : StoreDialect
{
    /// <summary>SQLITE_CONSTRAINT_PRIMARYKEY: a PRIMARY KEY violation.</summary>
    private const int ConstraintPrimaryKey = 1555;

    public static SqliteDialect Instance { get; } = new();

    public override object Instant(DateTimeOffset instant) => StoredInstant.ToUnixMicroseconds(instant);

    public override DateTimeOffset ReadInstant(DbDataReader row, int ordinal) => StoredInstant.FromUnixMicroseconds(row.GetInt64(ordinal));

    public override object WindowBound(DateTimeOffset bound) => StoredInstant.CeilingUnixSeconds(bound);

    public override DateTimeOffset ReadWindowStart(DbDataReader row, int ordinal) => StoredInstant.FromUnixSeconds(row.GetInt64(ordinal));

    public override int[] ReadSpeedHistogram(DbDataReader row, int ordinal) => SqliteBatchWriter.DecodeHistogram(row.GetFieldValue<byte[]>(ordinal));

    public override bool IsDuplicateKey(DbException exception) => exception is SqliteException { SqliteExtendedErrorCode: ConstraintPrimaryKey };

    // Nothing to add: every writer of the file waits for the store's write gate and takes an IMMEDIATE transaction.
    public override Task SerialiseCalibrationWritersAsync(DbConnection connection, DbTransaction transaction, string nodeId, CancellationToken ct) =>
        Task.CompletedTask;
}

using System.Data.Common;

namespace EdgeNode.Fleet.Storage.Queries;

/// <summary>
/// What the shared queries (<see cref="SqlFleetStore"/>) cannot say the same way on SQLite and PostgreSQL: how an instant
/// and a traffic histogram are stored, how a duplicate key shows, and how one node's calibration writers are serialised. Everything else is one
/// SQL text for both engines.
/// </summary>
/// <remarks>
/// The one timestamp convention: an instant reaches the queries as a <see cref="DateTimeOffset"/> and is stored to the
/// microsecond (PostgreSQL's precision), read back in UTC (<see cref="StoredInstant"/>). Instant columns have the same
/// names on both engines; SQLite keeps them as INTEGER Unix microseconds, PostgreSQL as timestamptz. Every instant
/// parameter goes through <see cref="Instant(DateTimeOffset)"/> and every instant column through
/// <see cref="ReadInstant"/>, so the conversion is here and nowhere else.
/// </remarks>
internal abstract class StoreDialect
{
    /// <summary>The value to bind for an instant column.</summary>
    public abstract object Instant(DateTimeOffset instant);

    /// <summary>The value to bind for an instant column that may be empty (null binds NULL).</summary>
    public object? Instant(DateTimeOffset? instant) => instant is { } value ? Instant(value) : null;

    /// <summary>The instant in an instant column of the current row.</summary>
    public abstract DateTimeOffset ReadInstant(DbDataReader row, int ordinal);

    public DateTimeOffset? ReadOptionalInstant(DbDataReader row, int ordinal) => row.IsDBNull(ordinal) ? null : ReadInstant(row, ordinal);

    /// <summary>
    /// The value to bind for comparing window starts with <paramref name="bound"/>: window starts are whole seconds, so
    /// "starts at or after the bound" is "starts at or after the first whole second at or after it", on both engines.
    /// </summary>
    public abstract object WindowBound(DateTimeOffset bound);

    /// <summary>A window start (whole seconds; SQLite keeps them as Unix seconds, not microseconds).</summary>
    public abstract DateTimeOffset ReadWindowStart(DbDataReader row, int ordinal);

    /// <summary>A traffic window's 16 speed-bin counts.</summary>
    public abstract int[] ReadSpeedHistogram(DbDataReader row, int ordinal);

    /// <summary>True when the database refused a row because its primary key (or a unique key) is taken.</summary>
    public abstract bool IsDuplicateKey(DbException exception);

    /// <summary>
    /// Makes other writers of this node's calibration sets wait until <paramref name="transaction"/> ends, so that the
    /// newest version read in it stays the newest.
    /// </summary>
    public abstract Task SerialiseCalibrationWritersAsync(DbConnection connection, DbTransaction transaction, string nodeId, CancellationToken ct);
}

using System.Data.Common;
using Dapper;

namespace EdgeNode.Fleet.Storage.Queries;

/// <summary>
/// The fleet's ordinary queries (registry, staff, audit, calibration, monitoring, dead letters), written once over
/// <see cref="DbConnection"/> with Dapper's named parameters for both engines. An engine's store derives from it and
/// supplies connections, transactions and its <see cref="StoreDialect"/>; what must differ (schema, batch writers,
/// opening a connection) stays in the engine's folder.
/// </summary>
/// <remarks>
/// Rows are mapped by hand (<see cref="QueryAsync{T}"/>), not by Dapper's constructor matching: that wants the
/// provider's exact column types, and SQLite returns every integer as a long.
/// </remarks>
internal abstract partial class SqlFleetStore
{
    private protected SqlFleetStore(StoreDialect dialect)
    {
        Dialect = dialect;
    }

    private protected StoreDialect Dialect { get; }

    /// <summary>Runs <paramref name="read"/> on an open connection; provider errors come out as <see cref="FleetStoreException"/>.</summary>
    private protected abstract Task<T> OnConnectionAsync<T>(Func<DbConnection, CancellationToken, Task<T>> read, CancellationToken ct);

    /// <summary>
    /// Runs <paramref name="write"/> in one transaction, committed when it returns, behind the engine's writers (on SQLite
    /// the one writer at a time); provider errors come out as <see cref="FleetStoreException"/>.
    /// </summary>
    private protected abstract Task<T> InTransactionAsync<T>(Func<DbConnection, DbTransaction, CancellationToken, Task<T>> write, CancellationToken ct);

    private protected static CommandDefinition Command(string sql, object? parameters, CancellationToken ct, DbTransaction? transaction = null) =>
        new(sql, parameters, transaction, cancellationToken: ct);

    private protected static async Task<IReadOnlyList<T>> QueryAsync<T>(DbConnection connection, CommandDefinition command, Func<DbDataReader, T> map)
    {
        await using DbDataReader reader = await connection.ExecuteReaderAsync(command);
        var rows = new List<T>();
        while (await reader.ReadAsync(command.CancellationToken))
        {
            rows.Add(map(reader));
        }

        return rows;
    }

    /// <summary>A write of one statement; true when it changed exactly one row.</summary>
    private protected Task<bool> ChangeOneAsync(string sql, object parameters, CancellationToken ct) =>
        InTransactionAsync(async (connection, transaction, token) => await connection.ExecuteAsync(Command(sql, parameters, token, transaction)) == 1, ct);

    /// <summary>True when <paramref name="exception"/> is the database refusing a taken key.</summary>
    private protected bool IsDuplicateKey(FleetStoreException exception) =>
        exception.InnerException is DbException inner && Dialect.IsDuplicateKey(inner);
}

using System.Data.Common;
using System.Diagnostics;
using EdgeNode.Fleet.Storage.Queries;
using Npgsql;

namespace EdgeNode.Fleet.Storage.Postgres;

/// <summary>
/// The store at scale: PostgreSQL through one <see cref="NpgsqlDataSource"/> (its pool), one connection and one
/// transaction per commit. Durability is the server's (synchronous_commit, on by default): COMMIT returns once the WAL is
/// flushed.
/// </summary>
internal sealed partial class PostgresFleetStore : SqlFleetStore, IFleetStore
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly ILogger _logger;
    private readonly bool _validateBatches;

    public PostgresFleetStore(string connectionString, ILoggerFactory loggerFactory, bool validateBatches)
        : base(PostgresDialect.Instance)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);

        // Keep session state when a connection goes back to the pool: the staging tables then live as long as the
        // session instead of being dropped (DISCARD ALL) and recreated by every commit.
        builder.ConnectionStringBuilder.NoResetOnClose = true;
        builder.UseLoggerFactory(loggerFactory);
        _dataSource = builder.Build();
        Where = $"{builder.ConnectionStringBuilder.Host}:{builder.ConnectionStringBuilder.Port}/{builder.ConnectionStringBuilder.Database}";
        _logger = loggerFactory.CreateLogger<PostgresFleetStore>();
        _validateBatches = validateBatches;
    }

    /// <summary>Host, port and database, without credentials: for messages.</summary>
    public string Where { get; }

    internal CommitTimings? Timings { get; set; }

    public async Task InitialiseAsync(CancellationToken ct)
    {
        try
        {
            await using NpgsqlConnection connection = await _dataSource.OpenConnectionAsync(ct);
            int found = await PostgresSchema.MigrateAsync(connection, ct);
            if (found < PostgresSchema.LatestVersion)
            {
                _logger.LogInformation("Fleet database {Where} migrated from schema version {From} to {To}", Where, found, PostgresSchema.LatestVersion);
            }
        }
        catch (NpgsqlException exception)
        {
            throw new FleetStoreException(
                $"Cannot reach or migrate the fleet database {Where}: {exception.Message}. Check {FleetStorageOptions.ConnectionStringSetting} and that the server is running.",
                exception);
        }
    }

    public async Task CommitAsync(IngestBatch batch, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (_validateBatches)
        {
            IngestBatchValidator.Validate(batch);
        }

        if (batch.IsEmpty)
        {
            return;
        }

        try
        {
            long lap = Timings is null ? 0 : Stopwatch.GetTimestamp();
            await using NpgsqlConnection connection = await _dataSource.OpenConnectionAsync(ct);
            await using NpgsqlTransaction transaction = await connection.BeginTransactionAsync(ct);
            lap = Timings?.Lap("postgres: open and begin", lap) ?? 0;
            await PostgresBatchWriter.WriteAsync(connection, transaction, batch, Timings, ct);
            lap = Timings is null ? 0 : Stopwatch.GetTimestamp();

            // Past this point the batch is the database's: no cancellation, or a caller could be told "cancelled" for a
            // batch that is in fact stored.
            await transaction.CommitAsync(CancellationToken.None);
            Timings?.Lap("postgres: commit (WAL flush)", lap);
        }
        catch (NpgsqlException exception)
        {
            throw new FleetStoreException($"The fleet database {Where} refused the batch ({batch}); nothing of it was stored: {exception.Message}", exception);
        }
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    private static NpgsqlCommand Command(NpgsqlConnection connection, string sql, params NpgsqlParameter[] parameters)
    {
        var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddRange(parameters);
        return command;
    }

    private protected override Task<T> OnConnectionAsync<T>(Func<DbConnection, CancellationToken, Task<T>> read, CancellationToken ct) =>
        ReadAsync(ct, (connection, token) => read(connection, token));

    private protected override async Task<T> InTransactionAsync<T>(Func<DbConnection, DbTransaction, CancellationToken, Task<T>> write, CancellationToken ct)
    {
        try
        {
            await using NpgsqlConnection connection = await _dataSource.OpenConnectionAsync(ct);
            await using NpgsqlTransaction transaction = await connection.BeginTransactionAsync(ct);
            T result = await write(connection, transaction, ct);
            await transaction.CommitAsync(ct);
            return result;
        }
        catch (NpgsqlException exception)
        {
            throw new FleetStoreException($"Writing to the fleet database {Where} failed: {exception.Message}", exception);
        }
    }

    private async Task<T> ReadAsync<T>(CancellationToken ct, Func<NpgsqlConnection, CancellationToken, Task<T>> read)
    {
        try
        {
            await using NpgsqlConnection connection = await _dataSource.OpenConnectionAsync(ct);
            return await read(connection, ct);
        }
        catch (NpgsqlException exception)
        {
            throw new FleetStoreException($"Reading the fleet database {Where} failed: {exception.Message}", exception);
        }
    }
}

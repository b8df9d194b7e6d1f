using System.Data.Common;
using System.Diagnostics;
using EdgeNode.Fleet.Storage.Queries;
using Microsoft.Data.Sqlite;

namespace EdgeNode.Fleet.Storage.Sqlite;

/// <summary>
/// The default store: one SQLite file in WAL mode. Writers are serialised here (SQLite has one writer at a time, and
/// queueing in-process is cheaper than spinning on SQLITE_BUSY); another process on the same file waits through the busy
/// timeout. synchronous=FULL: the fleet acknowledges a node only after CommitAsync returns, so a commit must survive a
/// power cut; with batches of thousands of rows the one extra fsync per commit costs little (see the benchmark README).
/// </summary>
internal sealed partial class SqliteFleetStore : SqlFleetStore, IFleetStore
{
    private readonly string _connectionString;
    private readonly ILogger _logger;
    private readonly bool _validateBatches;
    private readonly SemaphoreSlim _writeGate = new(1, 1);

    public SqliteFleetStore(string connectionString, ILoggerFactory loggerFactory, bool validateBatches)
        : base(SqliteDialect.Instance)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString) { Mode = SqliteOpenMode.ReadWriteCreate, Pooling = true };
        _connectionString = builder.ToString();
        FilePath = builder.DataSource;
        _logger = loggerFactory.CreateLogger<SqliteFleetStore>();
        _validateBatches = validateBatches;
    }

    /// <summary>The database file, for messages and tests.</summary>
    public string FilePath { get; }

    /// <summary>"FULL" by default; the benchmark sets "NORMAL" to measure what FULL costs.</summary>
    internal string Synchronous { get; set; } = "FULL";

    internal CommitTimings? Timings { get; set; }

    public async Task InitialiseAsync(CancellationToken ct)
    {
        try
        {
            string? folder = Path.GetDirectoryName(Path.GetFullPath(FilePath));
            if (folder is not null)
            {
                Directory.CreateDirectory(folder);
            }

            await using SqliteConnection connection = await OpenAsync(ct);

            // WAL is a property of the file, kept once set: a commit appends to the log instead of rewriting pages, and
            // readers (the web) never block the writer (ingest).
            using (SqliteCommand wal = connection.CreateCommand())
            {
                wal.CommandText = "PRAGMA journal_mode=WAL";
                wal.ExecuteNonQuery();
            }

            int found = SqliteSchema.Migrate(connection);
            if (found < SqliteSchema.LatestVersion)
            {
                _logger.LogInformation("Fleet database {Path} migrated from schema version {From} to {To}", FilePath, found, SqliteSchema.LatestVersion);
            }
        }
        catch (SqliteException exception)
        {
            throw new FleetStoreException($"Cannot open or migrate the fleet database {FilePath}: {exception.Message}. Check the path and its permissions.", exception);
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

        await _writeGate.WaitAsync(ct);
        try
        {
            long lap = Timings is null ? 0 : Stopwatch.GetTimestamp();
            await using SqliteConnection connection = await OpenAsync(ct);

            // IMMEDIATE: take the write lock up front, so a busy file is waited for at BEGIN, not failed at the first write.
            using SqliteTransaction transaction = connection.BeginTransaction(deferred: false);
            lap = Timings?.Lap("sqlite: open and begin", lap) ?? 0;
            SqliteBatchWriter.Write(connection, transaction, batch, Timings);
            ct.ThrowIfCancellationRequested();
            lap = Timings is null ? 0 : Stopwatch.GetTimestamp();

            // Past this point the batch is the database's: no cancellation, or a caller could be told "cancelled" for a
            // batch that is in fact stored.
            transaction.Commit();
            Timings?.Lap("sqlite: commit (fsync)", lap);
        }
        catch (SqliteException exception)
        {
            throw new FleetStoreException($"The fleet database {FilePath} refused the batch ({batch}); nothing of it was stored: {exception.Message}", exception);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        // Pooled connections keep the file open; clear them so that the file can be moved or deleted once we are gone.
        await using (var connection = new SqliteConnection(_connectionString))
        {
            SqliteConnection.ClearPool(connection);
        }

        _writeGate.Dispose();
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken ct)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(ct);
            using SqliteCommand pragmas = connection.CreateCommand();

            // Per connection, so set on every open (pooled connections keep them, setting again is cheap).
            pragmas.CommandText = $"PRAGMA synchronous={Synchronous}; PRAGMA busy_timeout=30000;";
            pragmas.ExecuteNonQuery();
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private async Task<T> ReadAsync<T>(CancellationToken ct, Func<SqliteConnection, T> read)
    {
        try
        {
            await using SqliteConnection connection = await OpenAsync(ct);
            return read(connection);
        }
        catch (SqliteException exception)
        {
            throw new FleetStoreException($"Reading the fleet database {FilePath} failed: {exception.Message}", exception);
        }
    }

    private protected override async Task<T> OnConnectionAsync<T>(Func<DbConnection, CancellationToken, Task<T>> read, CancellationToken ct)
    {
        try
        {
            await using SqliteConnection connection = await OpenAsync(ct);
            return await read(connection, ct);
        }
        catch (SqliteException exception)
        {
            throw new FleetStoreException($"Reading the fleet database {FilePath} failed: {exception.Message}", exception);
        }
    }

    /// <summary>A small write (registry, staff data, alerts) in one IMMEDIATE transaction, queued behind ingest's commits.</summary>
    private protected override async Task<T> InTransactionAsync<T>(Func<DbConnection, DbTransaction, CancellationToken, Task<T>> write, CancellationToken ct)
    {
        await _writeGate.WaitAsync(ct);
        try
        {
            await using SqliteConnection connection = await OpenAsync(ct);
            using SqliteTransaction transaction = connection.BeginTransaction(deferred: false);
            T result = await write(connection, transaction, ct);
            transaction.Commit();
            return result;
        }
        catch (SqliteException exception)
        {
            throw new FleetStoreException($"Writing to the fleet database {FilePath} failed: {exception.Message}", exception);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        SqliteCommand command = connection.CreateCommand();
        command.CommandText = sql;
        foreach ((string name, object? value) in parameters)
        {
            if (sql.Contains(name, StringComparison.Ordinal))
            {
                command.Parameters.AddWithValue(name, value ?? DBNull.Value);
            }
        }

        return command;
    }
}

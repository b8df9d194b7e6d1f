using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace EdgeNode.Fleet.Storage.Sqlite;

/// <summary>
/// The default store: one SQLite file in WAL mode. Writers are serialised here (SQLite has one writer at a time, and
/// queueing in-process is cheaper than spinning on SQLITE_BUSY); another process on the same file waits through the busy
/// timeout. synchronous=FULL: the fleet acknowledges a node only after CommitAsync returns, so a commit must survive a
/// power cut; with batches of thousands of rows the one extra fsync per commit costs little (see the benchmark README).
/// </summary>
internal sealed partial class SqliteFleetStore : IFleetStore
{
    private readonly string _connectionString;
    private readonly ILogger _logger;
    private readonly bool _validateBatches;
    private readonly SemaphoreSlim _writeGate = new(1, 1);

    public SqliteFleetStore(string connectionString, ILoggerFactory loggerFactory, bool validateBatches)
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

    public Task<long> CountMetricWindowsAsync(string? nodeId, CancellationToken ct) =>
        ReadAsync(ct, connection =>
        {
            using SqliteCommand command = Command(connection, nodeId is null
                ? "SELECT count(*) FROM metric_windows"
                : "SELECT count(*) FROM metric_windows WHERE node_id = $node", ("$node", nodeId));
            return (long)command.ExecuteScalar()!;
        });

    public Task<IReadOnlyList<MetricWindowRow>> ReadMetricWindowsAsync(string nodeId, string? metric, DateTimeOffset from, DateTimeOffset to, CancellationToken ct) =>
        ReadAsync(ct, connection =>
        {
            using SqliteCommand command = Command(
                connection,
                $"""
                SELECT node_id, sensor, metric, window_start, window_seconds, time_quality, is_partial, sample_count, mean_value, minimum_value,
                       maximum_value, last_value, coverage, faults, last_fault, calibration_version
                FROM metric_windows
                WHERE node_id = $node {(metric is null ? "" : "AND metric = $metric")} AND window_start >= $from AND window_start < $to
                ORDER BY window_start, sensor, metric
                """,
                ("$node", nodeId), ("$metric", metric), ("$from", StoredInstant.CeilingUnixSeconds(from)), ("$to", StoredInstant.CeilingUnixSeconds(to)));
            return ReadAll(command, row => new MetricWindowRow(
                row.GetString(0), row.GetString(1), row.GetString(2), StoredInstant.FromUnixSeconds(row.GetInt64(3)), row.GetInt32(4),
                row.GetByte(5), row.GetBoolean(6), row.GetInt32(7), row.GetDouble(8), row.GetDouble(9), row.GetDouble(10), row.GetDouble(11),
                row.GetDouble(12), row.GetInt32(13), row.IsDBNull(14) ? null : row.GetString(14), row.GetInt32(15)));
        });

    public Task<IReadOnlyList<TrafficWindowRow>> ReadTrafficWindowsAsync(string nodeId, DateTimeOffset from, DateTimeOffset to, CancellationToken ct) =>
        ReadAsync(ct, connection =>
        {
            using SqliteCommand command = Command(
                connection,
                """
                SELECT node_id, sensor, window_start, window_seconds, time_quality, is_partial, approaching, receding, speed_histogram, v85_kmh
                FROM traffic_windows
                WHERE node_id = $node AND window_start >= $from AND window_start < $to
                ORDER BY window_start, sensor
                """,
                ("$node", nodeId), ("$from", StoredInstant.CeilingUnixSeconds(from)), ("$to", StoredInstant.CeilingUnixSeconds(to)));
            return ReadAll(command, row => new TrafficWindowRow(
                row.GetString(0), row.GetString(1), StoredInstant.FromUnixSeconds(row.GetInt64(2)), row.GetInt32(3), row.GetByte(4), row.GetBoolean(5),
                row.GetInt32(6), row.GetInt32(7), SqliteBatchWriter.DecodeHistogram((byte[])row[8]), row.IsDBNull(9) ? null : row.GetDouble(9)));
        });

    public Task<IReadOnlyList<NoValueWindowRow>> ReadNoValueWindowsAsync(string nodeId, DateTimeOffset from, DateTimeOffset to, CancellationToken ct) =>
        ReadAsync(ct, connection =>
        {
            using SqliteCommand command = Command(
                connection,
                """
                SELECT node_id, sensor, window_start, window_seconds, time_quality, is_partial, coverage, faults, last_fault, calibration_version
                FROM no_value_windows
                WHERE node_id = $node AND window_start >= $from AND window_start < $to
                ORDER BY window_start, sensor
                """,
                ("$node", nodeId), ("$from", StoredInstant.CeilingUnixSeconds(from)), ("$to", StoredInstant.CeilingUnixSeconds(to)));
            return ReadAll(command, row => new NoValueWindowRow(
                row.GetString(0), row.GetString(1), StoredInstant.FromUnixSeconds(row.GetInt64(2)), row.GetInt32(3), row.GetByte(4), row.GetBoolean(5),
                row.GetDouble(6), row.GetInt32(7), row.IsDBNull(8) ? null : row.GetString(8), row.GetInt32(9)));
        });

    public Task<IReadOnlyList<StoredDeadLetter>> ReadDeadLettersAsync(string? nodeId, int limit, CancellationToken ct) =>
        ReadAsync(ct, connection =>
        {
            using SqliteCommand command = Command(
                connection,
                $"""
                SELECT id, received_at_us, topic, node_id, payload, original_length, reason FROM dead_letters
                {(nodeId is null ? "" : "WHERE node_id = $node")} ORDER BY id DESC LIMIT $limit
                """,
                ("$node", nodeId), ("$limit", Math.Max(0, limit)));
            return ReadAll(command, row => new StoredDeadLetter(
                row.GetInt64(0), StoredInstant.FromUnixMicroseconds(row.GetInt64(1)), row.GetString(2), row.IsDBNull(3) ? null : row.GetString(3),
                (byte[])row[4], row.GetInt32(5), row.GetString(6)));
        });

    public Task<long> CountDeadLettersAsync(CancellationToken ct) =>
        ReadAsync(ct, connection =>
        {
            using SqliteCommand command = Command(connection, "SELECT count(*) FROM dead_letters");
            return (long)command.ExecuteScalar()!;
        });

    public Task<IReadOnlyList<NodeHealthReport>> ReadLatestHealthAsync(CancellationToken ct) =>
        ReadAsync(ct, connection =>
        {
            using SqliteCommand command = Command(connection, "SELECT node_id, reported_at_us, report_json FROM node_health ORDER BY node_id");
            return ReadAll(command, row => new NodeHealthReport(row.GetString(0), StoredInstant.FromUnixMicroseconds(row.GetInt64(1)), row.GetString(2)));
        });

    public Task<IReadOnlyList<NodeAlertRecord>> ReadAlertsAsync(string? nodeId, CancellationToken ct) =>
        ReadAsync(ct, connection =>
        {
            using SqliteCommand command = Command(
                connection,
                $"""
                SELECT node_id, raised_at_us, pollutant, band, measured_value, cleared FROM node_alerts
                {(nodeId is null ? "" : "WHERE node_id = $node")} ORDER BY raised_at_us, node_id, pollutant
                """,
                ("$node", nodeId));
            return ReadAll(command, row => new NodeAlertRecord(
                row.GetString(0), StoredInstant.FromUnixMicroseconds(row.GetInt64(1)), row.GetString(2), row.GetString(3), row.GetDouble(4), row.GetBoolean(5)));
        });

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

    /// <summary>A small write (registry, staff data) in one IMMEDIATE transaction, queued behind ingest's commits.</summary>
    private async Task<T> WriteAsync<T>(CancellationToken ct, Func<SqliteConnection, SqliteTransaction, T> write)
    {
        await _writeGate.WaitAsync(ct);
        try
        {
            await using SqliteConnection connection = await OpenAsync(ct);
            using SqliteTransaction transaction = connection.BeginTransaction(deferred: false);
            T result = write(connection, transaction);
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

    private static IReadOnlyList<T> ReadAll<T>(SqliteCommand command, Func<SqliteDataReader, T> map)
    {
        using SqliteDataReader reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(map(reader));
        }

        return rows;
    }
}

using System.Diagnostics;
using Npgsql;
using NpgsqlTypes;

namespace EdgeNode.Fleet.Storage.Postgres;

/// <summary>
/// The store at scale: PostgreSQL through one <see cref="NpgsqlDataSource"/> (its pool), one connection and one
/// transaction per commit. Durability is the server's (synchronous_commit, on by default): COMMIT returns once the WAL is
/// flushed.
/// </summary>
internal sealed partial class PostgresFleetStore : IFleetStore
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly ILogger _logger;
    private readonly bool _validateBatches;

    public PostgresFleetStore(string connectionString, ILoggerFactory loggerFactory, bool validateBatches)
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

    public Task<long> CountMetricWindowsAsync(string? nodeId, CancellationToken ct) =>
        ReadAsync(ct, async (connection, token) =>
        {
            await using NpgsqlCommand command = Command(connection, nodeId is null
                ? "SELECT count(*) FROM metric_windows"
                : "SELECT count(*) FROM metric_windows WHERE node_id = $1", nodeId is null ? [] : [Text(nodeId)]);
            return (long)(await command.ExecuteScalarAsync(token))!;
        });

    public Task<IReadOnlyList<MetricWindowRow>> ReadMetricWindowsAsync(string nodeId, string? metric, DateTimeOffset from, DateTimeOffset to, CancellationToken ct) =>
        ReadAsync(ct, async (connection, token) =>
        {
            await using NpgsqlCommand command = Command(
                connection,
                """
                SELECT node_id, sensor, metric, window_start, window_seconds, time_quality, is_partial, sample_count, mean_value, minimum_value,
                       maximum_value, last_value, coverage, faults, last_fault, calibration_version
                FROM metric_windows
                WHERE node_id = $1 AND ($2::text IS NULL OR metric = $2) AND window_start >= $3 AND window_start < $4
                ORDER BY window_start, sensor, metric
                """,
                Text(nodeId), Text(metric), WindowBound(from), WindowBound(to));
            return await ReadAllAsync(command, token, row => new MetricWindowRow(
                row.GetString(0), row.GetString(1), row.GetString(2), row.GetFieldValue<DateTimeOffset>(3), row.GetInt32(4),
                (byte)row.GetInt16(5), row.GetBoolean(6), row.GetInt32(7), row.GetDouble(8), row.GetDouble(9), row.GetDouble(10), row.GetDouble(11),
                row.GetDouble(12), row.GetInt32(13), row.IsDBNull(14) ? null : row.GetString(14), row.GetInt32(15)));
        });

    public Task<IReadOnlyList<TrafficWindowRow>> ReadTrafficWindowsAsync(string nodeId, DateTimeOffset from, DateTimeOffset to, CancellationToken ct) =>
        ReadAsync(ct, async (connection, token) =>
        {
            await using NpgsqlCommand command = Command(
                connection,
                """
                SELECT node_id, sensor, window_start, window_seconds, time_quality, is_partial, approaching, receding, speed_histogram, v85_kmh
                FROM traffic_windows
                WHERE node_id = $1 AND window_start >= $2 AND window_start < $3
                ORDER BY window_start, sensor
                """,
                Text(nodeId), WindowBound(from), WindowBound(to));
            return await ReadAllAsync(command, token, row => new TrafficWindowRow(
                row.GetString(0), row.GetString(1), row.GetFieldValue<DateTimeOffset>(2), row.GetInt32(3), (byte)row.GetInt16(4), row.GetBoolean(5),
                row.GetInt32(6), row.GetInt32(7), row.GetFieldValue<int[]>(8), row.IsDBNull(9) ? null : row.GetDouble(9)));
        });

    public Task<IReadOnlyList<NoValueWindowRow>> ReadNoValueWindowsAsync(string nodeId, DateTimeOffset from, DateTimeOffset to, CancellationToken ct) =>
        ReadAsync(ct, async (connection, token) =>
        {
            await using NpgsqlCommand command = Command(
                connection,
                """
                SELECT node_id, sensor, window_start, window_seconds, time_quality, is_partial, coverage, faults, last_fault, calibration_version
                FROM no_value_windows
                WHERE node_id = $1 AND window_start >= $2 AND window_start < $3
                ORDER BY window_start, sensor
                """,
                Text(nodeId), WindowBound(from), WindowBound(to));
            return await ReadAllAsync(command, token, row => new NoValueWindowRow(
                row.GetString(0), row.GetString(1), row.GetFieldValue<DateTimeOffset>(2), row.GetInt32(3), (byte)row.GetInt16(4), row.GetBoolean(5),
                row.GetDouble(6), row.GetInt32(7), row.IsDBNull(8) ? null : row.GetString(8), row.GetInt32(9)));
        });

    public Task<IReadOnlyList<StoredDeadLetter>> ReadDeadLettersAsync(string? nodeId, int limit, CancellationToken ct) =>
        ReadAsync(ct, async (connection, token) =>
        {
            await using NpgsqlCommand command = Command(
                connection,
                """
                SELECT id, received_at, topic, node_id, payload, original_length, reason FROM dead_letters
                WHERE $1::text IS NULL OR node_id = $1 ORDER BY id DESC LIMIT $2
                """,
                Text(nodeId), new NpgsqlParameter { Value = Math.Max(0, limit), NpgsqlDbType = NpgsqlDbType.Integer });
            return await ReadAllAsync(command, token, row => new StoredDeadLetter(
                row.GetInt64(0), row.GetFieldValue<DateTimeOffset>(1), row.GetString(2), row.IsDBNull(3) ? null : row.GetString(3),
                row.GetFieldValue<byte[]>(4), row.GetInt32(5), row.GetString(6)));
        });

    public Task<long> CountDeadLettersAsync(CancellationToken ct) =>
        ReadAsync(ct, async (connection, token) =>
        {
            await using NpgsqlCommand command = Command(connection, "SELECT count(*) FROM dead_letters");
            return (long)(await command.ExecuteScalarAsync(token))!;
        });

    public Task<IReadOnlyList<NodeHealthReport>> ReadLatestHealthAsync(CancellationToken ct) =>
        ReadAsync(ct, async (connection, token) =>
        {
            await using NpgsqlCommand command = Command(connection, "SELECT node_id, reported_at, report_json FROM node_health ORDER BY node_id");
            return await ReadAllAsync(command, token, row => new NodeHealthReport(row.GetString(0), row.GetFieldValue<DateTimeOffset>(1), row.GetString(2)));
        });

    public Task<IReadOnlyList<NodeAlertRecord>> ReadAlertsAsync(string? nodeId, CancellationToken ct) =>
        ReadAsync(ct, async (connection, token) =>
        {
            await using NpgsqlCommand command = Command(
                connection,
                """
                SELECT node_id, raised_at, pollutant, band, measured_value, cleared FROM node_alerts
                WHERE $1::text IS NULL OR node_id = $1 ORDER BY raised_at, node_id, pollutant
                """,
                Text(nodeId));
            return await ReadAllAsync(command, token, row => new NodeAlertRecord(
                row.GetString(0), row.GetFieldValue<DateTimeOffset>(1), row.GetString(2), row.GetString(3), row.GetDouble(4), row.GetBoolean(5)));
        });

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    private static NpgsqlParameter Text(string? value) => new() { Value = (object?)value ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text };

    /// <summary>The same whole-second bound as SQLite uses, so both stores answer a fractional bound alike.</summary>
    private static NpgsqlParameter WindowBound(DateTimeOffset bound) => new()
    {
        Value = DateTimeOffset.FromUnixTimeSeconds(StoredInstant.CeilingUnixSeconds(bound)).UtcDateTime,
        NpgsqlDbType = NpgsqlDbType.TimestampTz,
    };

    private static NpgsqlCommand Command(NpgsqlConnection connection, string sql, params NpgsqlParameter[] parameters)
    {
        var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddRange(parameters);
        return command;
    }

    private static async Task<IReadOnlyList<T>> ReadAllAsync<T>(NpgsqlCommand command, CancellationToken ct, Func<NpgsqlDataReader, T> map)
    {
        await using NpgsqlDataReader reader = await command.ExecuteReaderAsync(ct);
        var rows = new List<T>();
        while (await reader.ReadAsync(ct))
        {
            rows.Add(map(reader));
        }

        return rows;
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

using Dapper;

namespace EdgeNode.Fleet.Storage.Queries;

/// <summary>Reading the windows that ingest stored (tables metric_windows, traffic_windows, no_value_windows).</summary>
internal abstract partial class SqlFleetStore
{
    public Task<long> CountMetricWindowsAsync(string? nodeId, CancellationToken ct) =>
        OnConnectionAsync(
            (connection, token) => connection.ExecuteScalarAsync<long>(Command(
                $"SELECT count(*) FROM metric_windows {(nodeId is null ? "" : "WHERE node_id = @node")}", new { node = nodeId }, token)),
            ct);

    public Task<IReadOnlyList<MetricWindowRow>> ReadMetricWindowsAsync(string nodeId, string? metric, DateTimeOffset from, DateTimeOffset to, CancellationToken ct) =>
        OnConnectionAsync(
            (connection, token) => QueryAsync(
                connection,
                Command(
                    $"""
                    SELECT node_id, sensor, metric, window_start, window_seconds, time_quality, is_partial, sample_count, mean_value, minimum_value,
                           maximum_value, last_value, coverage, faults, last_fault, calibration_version
                    FROM metric_windows
                    WHERE node_id = @node {(metric is null ? "" : "AND metric = @metric")} AND window_start >= @from AND window_start < @to
                    ORDER BY window_start, sensor, metric
                    """,
                    new { node = nodeId, metric, from = Dialect.WindowBound(from), to = Dialect.WindowBound(to) },
                    token),
                row => new MetricWindowRow(
                    row.GetString(0), row.GetString(1), row.GetString(2), Dialect.ReadWindowStart(row, 3), row.GetInt32(4),
                    (byte)row.GetInt16(5), row.GetBoolean(6), row.GetInt32(7), row.GetDouble(8), row.GetDouble(9), row.GetDouble(10), row.GetDouble(11),
                    row.GetDouble(12), row.GetInt32(13), row.IsDBNull(14) ? null : row.GetString(14), row.GetInt32(15))),
            ct);

    public Task<IReadOnlyList<TrafficWindowRow>> ReadTrafficWindowsAsync(string nodeId, DateTimeOffset from, DateTimeOffset to, CancellationToken ct) =>
        OnConnectionAsync(
            (connection, token) => QueryAsync(
                connection,
                Command(
                    """
                    SELECT node_id, sensor, window_start, window_seconds, time_quality, is_partial, approaching, receding, speed_histogram, v85_kmh
                    FROM traffic_windows
                    WHERE node_id = @node AND window_start >= @from AND window_start < @to
                    ORDER BY window_start, sensor
                    """,
                    new { node = nodeId, from = Dialect.WindowBound(from), to = Dialect.WindowBound(to) },
                    token),
                row => new TrafficWindowRow(
                    row.GetString(0), row.GetString(1), Dialect.ReadWindowStart(row, 2), row.GetInt32(3), (byte)row.GetInt16(4), row.GetBoolean(5),
                    row.GetInt32(6), row.GetInt32(7), Dialect.ReadSpeedHistogram(row, 8), row.IsDBNull(9) ? null : row.GetDouble(9))),
            ct);

    public Task<IReadOnlyList<NoValueWindowRow>> ReadNoValueWindowsAsync(string nodeId, DateTimeOffset from, DateTimeOffset to, CancellationToken ct) =>
        OnConnectionAsync(
            (connection, token) => QueryAsync(
                connection,
                Command(
                    """
                    SELECT node_id, sensor, window_start, window_seconds, time_quality, is_partial, coverage, faults, last_fault, calibration_version
                    FROM no_value_windows
                    WHERE node_id = @node AND window_start >= @from AND window_start < @to
                    ORDER BY window_start, sensor
                    """,
                    new { node = nodeId, from = Dialect.WindowBound(from), to = Dialect.WindowBound(to) },
                    token),
                row => new NoValueWindowRow(
                    row.GetString(0), row.GetString(1), Dialect.ReadWindowStart(row, 2), row.GetInt32(3), (byte)row.GetInt16(4), row.GetBoolean(5),
                    row.GetDouble(6), row.GetInt32(7), row.IsDBNull(8) ? null : row.GetString(8), row.GetInt32(9))),
            ct);
}

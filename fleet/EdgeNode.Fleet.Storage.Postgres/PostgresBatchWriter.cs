using System.Diagnostics;
using Npgsql;
using NpgsqlTypes;

namespace EdgeNode.Fleet.Storage.Postgres;

/// <summary>
/// Writes one batch inside the caller's transaction. Windows go by binary COPY into session-temporary staging tables
/// (no WAL, no indexes: the cheapest way into the server), then one INSERT … SELECT merges them. ON CONFLICT may not
/// touch one row twice in a statement, so DISTINCT ON keeps only the last arrival per key; ORDER BY key makes every
/// commit lock rows in the same order, so concurrent commits wait for each other instead of deadlocking. A redelivered
/// row identical to the stored one (the usual case: the node's ack was lost) is left alone by the WHERE on the update:
/// no new row version, no index entries, no WAL.
/// </summary>
internal static class PostgresBatchWriter
{
    // ON COMMIT DELETE ROWS: the tables live as long as the pooled session and are emptied by every commit (and a
    // rollback discards what this transaction put there). Columns are nullable on purpose: the real table's
    // constraints judge the rows, at merge time.
    private const string CreateStaging = """
        CREATE TEMP TABLE IF NOT EXISTS staging_metric_windows (
            arrival integer, node_id text COLLATE "C", sensor text COLLATE "C", metric text COLLATE "C", window_start timestamptz,
            window_seconds integer, time_quality smallint, is_partial boolean, sample_count integer, mean_value double precision,
            minimum_value double precision, maximum_value double precision, last_value double precision, coverage double precision,
            faults integer, last_fault text, calibration_version integer
        ) ON COMMIT DELETE ROWS;
        CREATE TEMP TABLE IF NOT EXISTS staging_traffic_windows (
            arrival integer, node_id text COLLATE "C", sensor text COLLATE "C", window_start timestamptz, window_seconds integer,
            time_quality smallint, is_partial boolean, approaching integer, receding integer, speed_histogram integer[], v85_kmh double precision
        ) ON COMMIT DELETE ROWS;
        """;

    private const string MetricColumns =
        "node_id, sensor, metric, window_start, window_seconds, time_quality, is_partial, sample_count, mean_value, minimum_value, maximum_value, last_value, coverage, faults, last_fault, calibration_version";

    private const string TrafficColumns =
        "node_id, sensor, window_start, window_seconds, time_quality, is_partial, approaching, receding, speed_histogram, v85_kmh";

    private const string MergeMetrics = $"""
        INSERT INTO metric_windows ({MetricColumns})
        SELECT DISTINCT ON (node_id, metric, window_start, sensor) {MetricColumns}
        FROM staging_metric_windows
        ORDER BY node_id, metric, window_start, sensor, arrival DESC
        ON CONFLICT (node_id, metric, window_start, sensor) DO UPDATE SET
            window_seconds = EXCLUDED.window_seconds, time_quality = EXCLUDED.time_quality, is_partial = EXCLUDED.is_partial,
            sample_count = EXCLUDED.sample_count, mean_value = EXCLUDED.mean_value, minimum_value = EXCLUDED.minimum_value,
            maximum_value = EXCLUDED.maximum_value, last_value = EXCLUDED.last_value, coverage = EXCLUDED.coverage,
            faults = EXCLUDED.faults, last_fault = EXCLUDED.last_fault, calibration_version = EXCLUDED.calibration_version
        WHERE (metric_windows.window_seconds, metric_windows.time_quality, metric_windows.is_partial, metric_windows.sample_count,
               metric_windows.mean_value, metric_windows.minimum_value, metric_windows.maximum_value, metric_windows.last_value,
               metric_windows.coverage, metric_windows.faults, metric_windows.last_fault, metric_windows.calibration_version)
              IS DISTINCT FROM
              (EXCLUDED.window_seconds, EXCLUDED.time_quality, EXCLUDED.is_partial, EXCLUDED.sample_count, EXCLUDED.mean_value,
               EXCLUDED.minimum_value, EXCLUDED.maximum_value, EXCLUDED.last_value, EXCLUDED.coverage, EXCLUDED.faults,
               EXCLUDED.last_fault, EXCLUDED.calibration_version)
        """;

    private const string MergeTraffic = $"""
        INSERT INTO traffic_windows ({TrafficColumns})
        SELECT DISTINCT ON (node_id, window_start, sensor) {TrafficColumns}
        FROM staging_traffic_windows
        ORDER BY node_id, window_start, sensor, arrival DESC
        ON CONFLICT (node_id, window_start, sensor) DO UPDATE SET
            window_seconds = EXCLUDED.window_seconds, time_quality = EXCLUDED.time_quality, is_partial = EXCLUDED.is_partial,
            approaching = EXCLUDED.approaching, receding = EXCLUDED.receding, speed_histogram = EXCLUDED.speed_histogram, v85_kmh = EXCLUDED.v85_kmh
        WHERE (traffic_windows.window_seconds, traffic_windows.time_quality, traffic_windows.is_partial, traffic_windows.approaching,
               traffic_windows.receding, traffic_windows.speed_histogram, traffic_windows.v85_kmh)
              IS DISTINCT FROM
              (EXCLUDED.window_seconds, EXCLUDED.time_quality, EXCLUDED.is_partial, EXCLUDED.approaching, EXCLUDED.receding,
               EXCLUDED.speed_histogram, EXCLUDED.v85_kmh)
        """;

    // An older report delivered late must not replace a newer one: the WHERE keeps the newest per node.
    private const string UpsertHealth = """
        INSERT INTO node_health (node_id, reported_at, report_json) VALUES ($1, $2, $3)
        ON CONFLICT (node_id) DO UPDATE SET reported_at = EXCLUDED.reported_at, report_json = EXCLUDED.report_json
        WHERE EXCLUDED.reported_at >= node_health.reported_at
        """;

    private const string UpsertAlert = """
        INSERT INTO node_alerts (node_id, pollutant, raised_at, band, measured_value, cleared) VALUES ($1, $2, $3, $4, $5, $6)
        ON CONFLICT (node_id, pollutant, raised_at) DO UPDATE SET band = EXCLUDED.band, measured_value = EXCLUDED.measured_value, cleared = EXCLUDED.cleared
        """;

    private const string UpsertNoValue = """
        INSERT INTO no_value_windows (node_id, sensor, window_start, window_seconds, time_quality, is_partial, coverage, faults, last_fault, calibration_version)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
        ON CONFLICT (node_id, window_start, sensor) DO UPDATE SET
            window_seconds = EXCLUDED.window_seconds, time_quality = EXCLUDED.time_quality, is_partial = EXCLUDED.is_partial,
            coverage = EXCLUDED.coverage, faults = EXCLUDED.faults, last_fault = EXCLUDED.last_fault, calibration_version = EXCLUDED.calibration_version
        """;

    // Counts add up: two commits' drops for one sender and period are one row with both counts.
    private const string AddDrops = """
        INSERT INTO dead_letter_drops (node_id, period_start, messages, bytes) VALUES ($1, $2, $3, $4)
        ON CONFLICT (node_id, period_start) DO UPDATE SET
            messages = dead_letter_drops.messages + EXCLUDED.messages, bytes = dead_letter_drops.bytes + EXCLUDED.bytes
        """;

    // The COPY rows are written with the synchronous Write: per value it only copies into Npgsql's buffer, and the
    // async form costs a state machine per value (measured: COPY took about twice as long). A write blocks the thread
    // only when the buffer is flushed to the socket, which on a healthy link is brief.
    public static async Task WriteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IngestBatch batch, CommitTimings? timings, CancellationToken ct)
    {
        long lap = timings is null ? 0 : Stopwatch.GetTimestamp();
        if (batch.Metrics.Count > 0 || batch.Traffic.Count > 0)
        {
            await ExecuteAsync(connection, transaction, CreateStaging, ct);
            lap = timings?.Lap("postgres: staging tables", lap) ?? 0;
        }

        if (batch.Metrics.Count > 0)
        {
            await CopyMetricsAsync(connection, batch.Metrics, ct);
            lap = timings?.Lap("postgres: COPY metrics", lap) ?? 0;
            await ExecuteAsync(connection, transaction, MergeMetrics, ct);
            lap = timings?.Lap("postgres: merge metrics", lap) ?? 0;
        }

        if (batch.Traffic.Count > 0)
        {
            await CopyTrafficAsync(connection, batch.Traffic, ct);
            await ExecuteAsync(connection, transaction, MergeTraffic, ct);
        }

        if (batch.DeadLetters.Count > 0)
        {
            await CopyDeadLettersAsync(connection, batch.DeadLetters, ct);
        }

        await UpsertSmallTablesAsync(connection, transaction, batch, ct);
        timings?.Lap("postgres: traffic, dead letters, health, alerts", lap);
    }

    private static async Task CopyMetricsAsync(NpgsqlConnection connection, List<MetricWindowRow> rows, CancellationToken ct)
    {
        await using NpgsqlBinaryImporter copy = await connection.BeginBinaryImportAsync(
            $"COPY staging_metric_windows (arrival, {MetricColumns}) FROM STDIN (FORMAT BINARY)", ct);
        for (int arrival = 0; arrival < rows.Count; arrival++)
        {
            MetricWindowRow row = rows[arrival];
            copy.StartRow();
            copy.Write(arrival, NpgsqlDbType.Integer);
            WriteText(copy, row.NodeId);
            WriteText(copy, row.Sensor);
            WriteText(copy, row.Metric);
            copy.Write(StoredInstant.ToUtcMicroseconds(row.WindowStart), NpgsqlDbType.TimestampTz);
            copy.Write(row.WindowSeconds, NpgsqlDbType.Integer);
            copy.Write((short)row.TimeQuality, NpgsqlDbType.Smallint);
            copy.Write(row.Partial, NpgsqlDbType.Boolean);
            copy.Write(row.Count, NpgsqlDbType.Integer);
            copy.Write(row.Mean, NpgsqlDbType.Double);
            copy.Write(row.Minimum, NpgsqlDbType.Double);
            copy.Write(row.Maximum, NpgsqlDbType.Double);
            copy.Write(row.Last, NpgsqlDbType.Double);
            copy.Write(row.Coverage, NpgsqlDbType.Double);
            copy.Write(row.Faults, NpgsqlDbType.Integer);
            WriteText(copy, row.LastFault);
            copy.Write(row.CalibrationVersion, NpgsqlDbType.Integer);
        }

        await copy.CompleteAsync(ct);
    }

    private static async Task CopyTrafficAsync(NpgsqlConnection connection, List<TrafficWindowRow> rows, CancellationToken ct)
    {
        await using NpgsqlBinaryImporter copy = await connection.BeginBinaryImportAsync(
            $"COPY staging_traffic_windows (arrival, {TrafficColumns}) FROM STDIN (FORMAT BINARY)", ct);
        for (int arrival = 0; arrival < rows.Count; arrival++)
        {
            TrafficWindowRow row = rows[arrival];
            copy.StartRow();
            copy.Write(arrival, NpgsqlDbType.Integer);
            WriteText(copy, row.NodeId);
            WriteText(copy, row.Sensor);
            copy.Write(StoredInstant.ToUtcMicroseconds(row.WindowStart), NpgsqlDbType.TimestampTz);
            copy.Write(row.WindowSeconds, NpgsqlDbType.Integer);
            copy.Write((short)row.TimeQuality, NpgsqlDbType.Smallint);
            copy.Write(row.Partial, NpgsqlDbType.Boolean);
            copy.Write(row.Approaching, NpgsqlDbType.Integer);
            copy.Write(row.Receding, NpgsqlDbType.Integer);
            if (row.SpeedHistogram is null)
            {
                copy.WriteNull();
            }
            else
            {
                copy.Write(row.SpeedHistogram, NpgsqlDbType.Array | NpgsqlDbType.Integer);
            }

            if (row.V85KilometresPerHour is double v85)
            {
                copy.Write(v85, NpgsqlDbType.Double);
            }
            else
            {
                copy.WriteNull();
            }
        }

        await copy.CompleteAsync(ct);
    }

    /// <summary>Dead letters are only ever appended, so they go straight into their table.</summary>
    private static async Task CopyDeadLettersAsync(NpgsqlConnection connection, List<DeadLetter> letters, CancellationToken ct)
    {
        await using NpgsqlBinaryImporter copy = await connection.BeginBinaryImportAsync(
            "COPY dead_letters (received_at, topic, node_id, payload, original_length, reason) FROM STDIN (FORMAT BINARY)", ct);
        foreach (DeadLetter letter in letters)
        {
            copy.StartRow();
            copy.Write(StoredInstant.ToUtcMicroseconds(letter.ReceivedAt), NpgsqlDbType.TimestampTz);
            WriteText(copy, letter.Topic);
            WriteText(copy, letter.NodeId);
            byte[] kept = letter.Payload.Length <= DeadLetter.MaximumStoredPayloadBytes ? letter.Payload : letter.Payload[..DeadLetter.MaximumStoredPayloadBytes];
            copy.Write(kept, NpgsqlDbType.Bytea);
            copy.Write(letter.Payload.Length, NpgsqlDbType.Integer);
            WriteText(copy, letter.Reason);
        }

        await copy.CompleteAsync(ct);
    }

    /// <summary>
    /// Health reports, alerts, drop counts and sensor windows without values are few per batch: one statement per row, sent together in one round trip. Sorted by key
    /// (a stable sort, so duplicates keep their arrival order and the later one wins) for the same lock order as the merges.
    /// </summary>
    private static async Task UpsertSmallTablesAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IngestBatch batch, CancellationToken ct)
    {
        if (batch.Health.Count == 0 && batch.Alerts.Count == 0 && batch.DeadLetterDrops.Count == 0 && batch.NoValues.Count == 0)
        {
            return;
        }

        await using var statements = new NpgsqlBatch(connection, transaction);
        foreach (DeadLetterDrop drop in batch.DeadLetterDrops.OrderBy(drop => drop.NodeId ?? "", StringComparer.Ordinal).ThenBy(drop => drop.PeriodStart.UtcTicks))
        {
            statements.BatchCommands.Add(Statement(
                AddDrops,
                new NpgsqlParameter { Value = drop.NodeId ?? "", NpgsqlDbType = NpgsqlDbType.Text },
                new NpgsqlParameter { Value = StoredInstant.ToUtcMicroseconds(drop.PeriodStart), NpgsqlDbType = NpgsqlDbType.TimestampTz },
                new NpgsqlParameter { Value = drop.Messages, NpgsqlDbType = NpgsqlDbType.Bigint },
                new NpgsqlParameter { Value = drop.Bytes, NpgsqlDbType = NpgsqlDbType.Bigint }));
        }

        IEnumerable<NoValueWindowRow> noValues = batch.NoValues
            .OrderBy(row => row.NodeId, StringComparer.Ordinal)
            .ThenBy(row => row.WindowStart.UtcTicks)
            .ThenBy(row => row.Sensor, StringComparer.Ordinal);
        foreach (NoValueWindowRow row in noValues)
        {
            statements.BatchCommands.Add(Statement(
                UpsertNoValue,
                new NpgsqlParameter { Value = row.NodeId, NpgsqlDbType = NpgsqlDbType.Text },
                new NpgsqlParameter { Value = row.Sensor, NpgsqlDbType = NpgsqlDbType.Text },
                new NpgsqlParameter { Value = StoredInstant.ToUtcMicroseconds(row.WindowStart), NpgsqlDbType = NpgsqlDbType.TimestampTz },
                new NpgsqlParameter { Value = row.WindowSeconds, NpgsqlDbType = NpgsqlDbType.Integer },
                new NpgsqlParameter { Value = (short)row.TimeQuality, NpgsqlDbType = NpgsqlDbType.Smallint },
                new NpgsqlParameter { Value = row.Partial, NpgsqlDbType = NpgsqlDbType.Boolean },
                new NpgsqlParameter { Value = row.Coverage, NpgsqlDbType = NpgsqlDbType.Double },
                new NpgsqlParameter { Value = row.Faults, NpgsqlDbType = NpgsqlDbType.Integer },
                new NpgsqlParameter { Value = (object?)row.LastFault ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text },
                new NpgsqlParameter { Value = row.CalibrationVersion, NpgsqlDbType = NpgsqlDbType.Integer }));
        }

        foreach (NodeHealthReport report in batch.Health.OrderBy(report => report.NodeId, StringComparer.Ordinal))
        {
            statements.BatchCommands.Add(Statement(
                UpsertHealth,
                new NpgsqlParameter { Value = report.NodeId, NpgsqlDbType = NpgsqlDbType.Text },
                new NpgsqlParameter { Value = StoredInstant.ToUtcMicroseconds(report.ReportedAt), NpgsqlDbType = NpgsqlDbType.TimestampTz },
                new NpgsqlParameter { Value = report.Json, NpgsqlDbType = NpgsqlDbType.Text }));
        }

        IEnumerable<NodeAlertRecord> alerts = batch.Alerts
            .OrderBy(alert => alert.NodeId, StringComparer.Ordinal)
            .ThenBy(alert => alert.Pollutant, StringComparer.Ordinal)
            .ThenBy(alert => alert.RaisedAt.UtcTicks);
        foreach (NodeAlertRecord alert in alerts)
        {
            statements.BatchCommands.Add(Statement(
                UpsertAlert,
                new NpgsqlParameter { Value = alert.NodeId, NpgsqlDbType = NpgsqlDbType.Text },
                new NpgsqlParameter { Value = alert.Pollutant, NpgsqlDbType = NpgsqlDbType.Text },
                new NpgsqlParameter { Value = StoredInstant.ToUtcMicroseconds(alert.RaisedAt), NpgsqlDbType = NpgsqlDbType.TimestampTz },
                new NpgsqlParameter { Value = alert.Band, NpgsqlDbType = NpgsqlDbType.Text },
                new NpgsqlParameter { Value = alert.Value, NpgsqlDbType = NpgsqlDbType.Double },
                new NpgsqlParameter { Value = alert.Cleared, NpgsqlDbType = NpgsqlDbType.Boolean }));
        }

        await statements.ExecuteNonQueryAsync(ct);
    }

    private static NpgsqlBatchCommand Statement(string sql, params NpgsqlParameter[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.AddRange(parameters);
        return command;
    }

    private static void WriteText(NpgsqlBinaryImporter copy, string? value)
    {
        if (value is null)
        {
            copy.WriteNull();
        }
        else
        {
            copy.Write(value, NpgsqlDbType.Text);
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken ct)
    {
        await using NpgsqlCommand command = new(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(ct);
    }
}

using System.Buffers.Binary;
using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace EdgeNode.Fleet.Storage.Sqlite;

/// <summary>
/// Writes one batch inside the caller's transaction: one prepared statement per table, reused for every row, so SQLite
/// parses each statement once per batch. Rows go in arrival order, so a later duplicate simply overwrites an earlier one.
/// A redelivered window identical to the stored one (the usual case: the node's ack was lost) is not rewritten.
/// </summary>
internal static class SqliteBatchWriter
{
    private const string UpsertMetric = """
        INSERT INTO metric_windows (node_id, sensor, metric, window_start, window_seconds, time_quality, is_partial, sample_count,
                                    mean_value, minimum_value, maximum_value, last_value, coverage, faults, last_fault, calibration_version)
        VALUES ($node, $sensor, $metric, $start, $seconds, $quality, $partial, $count, $mean, $min, $max, $last, $coverage, $faults, $fault, $calibration)
        ON CONFLICT (node_id, metric, window_start, sensor) DO UPDATE SET
            window_seconds = excluded.window_seconds, time_quality = excluded.time_quality, is_partial = excluded.is_partial,
            sample_count = excluded.sample_count, mean_value = excluded.mean_value, minimum_value = excluded.minimum_value,
            maximum_value = excluded.maximum_value, last_value = excluded.last_value, coverage = excluded.coverage,
            faults = excluded.faults, last_fault = excluded.last_fault, calibration_version = excluded.calibration_version
        WHERE (window_seconds, time_quality, is_partial, sample_count, mean_value, minimum_value, maximum_value, last_value, coverage,
               faults, last_fault, calibration_version)
              IS NOT
              (excluded.window_seconds, excluded.time_quality, excluded.is_partial, excluded.sample_count, excluded.mean_value,
               excluded.minimum_value, excluded.maximum_value, excluded.last_value, excluded.coverage, excluded.faults,
               excluded.last_fault, excluded.calibration_version)
        """;

    private const string UpsertTraffic = """
        INSERT INTO traffic_windows (node_id, sensor, window_start, window_seconds, time_quality, is_partial, approaching, receding, speed_histogram, v85_kmh)
        VALUES ($node, $sensor, $start, $seconds, $quality, $partial, $approaching, $receding, $histogram, $v85)
        ON CONFLICT (node_id, window_start, sensor) DO UPDATE SET
            window_seconds = excluded.window_seconds, time_quality = excluded.time_quality, is_partial = excluded.is_partial,
            approaching = excluded.approaching, receding = excluded.receding, speed_histogram = excluded.speed_histogram, v85_kmh = excluded.v85_kmh
        """;

    private const string UpsertNoValue = """
        INSERT INTO no_value_windows (node_id, sensor, window_start, window_seconds, time_quality, is_partial, coverage, faults, last_fault, calibration_version)
        VALUES ($node, $sensor, $start, $seconds, $quality, $partial, $coverage, $faults, $fault, $calibration)
        ON CONFLICT (node_id, window_start, sensor) DO UPDATE SET
            window_seconds = excluded.window_seconds, time_quality = excluded.time_quality, is_partial = excluded.is_partial,
            coverage = excluded.coverage, faults = excluded.faults, last_fault = excluded.last_fault, calibration_version = excluded.calibration_version
        """;

    private const string InsertDeadLetter = """
        INSERT INTO dead_letters (received_at, topic, node_id, payload, original_length, reason)
        VALUES ($received, $topic, $node, $payload, $length, $reason)
        """;

    // An older report delivered late must not replace a newer one: the WHERE keeps the newest per node.
    // Counts add up: two commits' drops for one sender and period are one row with both counts.
    private const string AddDrops = """
        INSERT INTO dead_letter_drops (node_id, period_start, messages, bytes) VALUES ($node, $period, $messages, $bytes)
        ON CONFLICT (node_id, period_start) DO UPDATE SET messages = messages + excluded.messages, bytes = bytes + excluded.bytes
        """;

    private const string UpsertHealth = """
        INSERT INTO node_health (node_id, reported_at, report_json) VALUES ($node, $reported, $json)
        ON CONFLICT (node_id) DO UPDATE SET reported_at = excluded.reported_at, report_json = excluded.report_json
        WHERE excluded.reported_at >= node_health.reported_at
        """;

    private const string UpsertAlert = """
        INSERT INTO node_alerts (node_id, pollutant, raised_at, band, measured_value, cleared) VALUES ($node, $pollutant, $raised, $band, $value, $cleared)
        ON CONFLICT (node_id, pollutant, raised_at) DO UPDATE SET band = excluded.band, measured_value = excluded.measured_value, cleared = excluded.cleared
        """;

    public static void Write(SqliteConnection connection, SqliteTransaction transaction, IngestBatch batch, CommitTimings? timings)
    {
        long lap = timings is null ? 0 : Stopwatch.GetTimestamp();
        WriteRows(connection, transaction, UpsertMetric, batch.Metrics, static (p, row) =>
        {
            p[0].Value = Nullable(row.NodeId);
            p[1].Value = Nullable(row.Sensor);
            p[2].Value = Nullable(row.Metric);
            p[3].Value = StoredInstant.ToUnixSeconds(row.WindowStart);
            p[4].Value = row.WindowSeconds;
            p[5].Value = row.TimeQuality;
            p[6].Value = row.Partial;
            p[7].Value = row.Count;
            p[8].Value = row.Mean;
            p[9].Value = row.Minimum;
            p[10].Value = row.Maximum;
            p[11].Value = row.Last;
            p[12].Value = row.Coverage;
            p[13].Value = row.Faults;
            p[14].Value = (object?)row.LastFault ?? DBNull.Value;
            p[15].Value = row.CalibrationVersion;
        });
        lap = timings?.Lap("sqlite: metric upserts", lap) ?? 0;

        WriteRows(connection, transaction, UpsertTraffic, batch.Traffic, static (p, row) =>
        {
            p[0].Value = Nullable(row.NodeId);
            p[1].Value = Nullable(row.Sensor);
            p[2].Value = StoredInstant.ToUnixSeconds(row.WindowStart);
            p[3].Value = row.WindowSeconds;
            p[4].Value = row.TimeQuality;
            p[5].Value = row.Partial;
            p[6].Value = row.Approaching;
            p[7].Value = row.Receding;
            p[8].Value = row.SpeedHistogram is null ? DBNull.Value : EncodeHistogram(row.SpeedHistogram);
            p[9].Value = row.V85KilometresPerHour is double v85 ? v85 : DBNull.Value;
        });
        WriteRows(connection, transaction, UpsertNoValue, batch.NoValues, static (p, row) =>
        {
            p[0].Value = Nullable(row.NodeId);
            p[1].Value = Nullable(row.Sensor);
            p[2].Value = StoredInstant.ToUnixSeconds(row.WindowStart);
            p[3].Value = row.WindowSeconds;
            p[4].Value = row.TimeQuality;
            p[5].Value = row.Partial;
            p[6].Value = row.Coverage;
            p[7].Value = row.Faults;
            p[8].Value = (object?)row.LastFault ?? DBNull.Value;
            p[9].Value = row.CalibrationVersion;
        });
        WriteRows(connection, transaction, InsertDeadLetter, batch.DeadLetters, static (p, letter) =>
        {
            p[0].Value = StoredInstant.ToUnixMicroseconds(letter.ReceivedAt);
            p[1].Value = Nullable(letter.Topic);
            p[2].Value = (object?)letter.NodeId ?? DBNull.Value;
            p[3].Value = letter.Payload.Length <= DeadLetter.MaximumStoredPayloadBytes ? letter.Payload : letter.Payload[..DeadLetter.MaximumStoredPayloadBytes];
            p[4].Value = letter.Payload.Length;
            p[5].Value = Nullable(letter.Reason);
        });
        WriteRows(connection, transaction, AddDrops, batch.DeadLetterDrops, static (p, drop) =>
        {
            p[0].Value = drop.NodeId ?? "";
            p[1].Value = StoredInstant.ToUnixMicroseconds(drop.PeriodStart);
            p[2].Value = drop.Messages;
            p[3].Value = drop.Bytes;
        });
        WriteRows(connection, transaction, UpsertHealth, batch.Health, static (p, report) =>
        {
            p[0].Value = Nullable(report.NodeId);
            p[1].Value = StoredInstant.ToUnixMicroseconds(report.ReportedAt);
            p[2].Value = Nullable(report.Json);
        });
        WriteRows(connection, transaction, UpsertAlert, batch.Alerts, static (p, alert) =>
        {
            p[0].Value = Nullable(alert.NodeId);
            p[1].Value = Nullable(alert.Pollutant);
            p[2].Value = StoredInstant.ToUnixMicroseconds(alert.RaisedAt);
            p[3].Value = Nullable(alert.Band);
            p[4].Value = alert.Value;
            p[5].Value = alert.Cleared;
        });
        timings?.Lap("sqlite: other upserts", lap);
    }

    /// <summary>
    /// A null where the type says none can be only reaches here with validation off; bind it as NULL so that the
    /// column's NOT NULL refuses it, as PostgreSQL does, instead of the driver's "Value must be set".
    /// </summary>
    private static object Nullable(string? value) => (object?)value ?? DBNull.Value;

    public static byte[] EncodeHistogram(int[] bins)
    {
        byte[] bytes = new byte[bins.Length * sizeof(int)];
        for (int i = 0; i < bins.Length; i++)
        {
            BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(i * sizeof(int)), bins[i]);
        }

        return bytes;
    }

    public static int[] DecodeHistogram(byte[] bytes)
    {
        int[] bins = new int[bytes.Length / sizeof(int)];
        for (int i = 0; i < bins.Length; i++)
        {
            bins[i] = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(i * sizeof(int)));
        }

        return bins;
    }

    /// <summary>Prepares <paramref name="sql"/> once, then binds and runs it per row. Parameters are bound by position in the SQL.</summary>
    private static void WriteRows<T>(SqliteConnection connection, SqliteTransaction transaction, string sql, List<T> rows, Action<SqliteParameterCollection, T> bind)
    {
        if (rows.Count == 0)
        {
            return;
        }

        using SqliteCommand command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (string name in ParameterNames(sql))
        {
            command.Parameters.Add(new SqliteParameter(name, null));
        }

        command.Prepare();
        foreach (T row in rows)
        {
            bind(command.Parameters, row);
            command.ExecuteNonQuery();
        }
    }

    /// <summary>The $names in the VALUES list, in order: the binders above index them by that order.</summary>
    private static IEnumerable<string> ParameterNames(string sql)
    {
        int values = sql.IndexOf("VALUES", StringComparison.Ordinal);
        int close = sql.IndexOf(')', values);
        return sql[values..close].Split(['(', ',', ' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries).Where(token => token.StartsWith('$'));
    }
}

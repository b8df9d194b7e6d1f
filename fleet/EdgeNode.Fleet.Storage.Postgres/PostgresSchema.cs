using Npgsql;

namespace EdgeNode.Fleet.Storage.Postgres;

/// <summary>
/// The PostgreSQL schema as numbered migrations, applied in order and recorded in schema_version. Append a migration to
/// change the schema; never edit one that has shipped.
/// </summary>
internal static class PostgresSchema
{
    /// <summary>Any constant will do: it only has to be the same for every fleet instance migrating this database.</summary>
    private const long MigrationLockKey = 0x45_64_67_65_4E_6F_64_65; // "EdgeNode"

    // Identifiers are COLLATE "C": byte order, cheaper to compare than a linguistic collation, and the same order the
    // writer sorts rows in before merging (so concurrent commits take row locks in one order and cannot deadlock).
    // Keys are ordered node, then what reads filter on (metric, time), so that the primary key serves
    // "this node, this metric, this period" without another index.
    private static readonly string[] Migrations =
    [
        """
        CREATE TABLE metric_windows (
            node_id             text COLLATE "C"  NOT NULL CHECK (node_id <> ''),
            sensor              text COLLATE "C"  NOT NULL CHECK (sensor <> ''),
            metric              text COLLATE "C"  NOT NULL CHECK (metric <> ''),
            window_start        timestamptz       NOT NULL,
            window_seconds      integer           NOT NULL CHECK (window_seconds > 0),
            time_quality        smallint          NOT NULL CHECK (time_quality BETWEEN 0 AND 2),
            is_partial          boolean           NOT NULL,
            sample_count        integer           NOT NULL,
            mean_value          double precision  NOT NULL,
            minimum_value       double precision  NOT NULL,
            maximum_value       double precision  NOT NULL,
            last_value          double precision  NOT NULL,
            coverage            double precision  NOT NULL,
            faults              integer           NOT NULL,
            last_fault          text,
            calibration_version integer           NOT NULL,
            PRIMARY KEY (node_id, metric, window_start, sensor)
        );
        -- "All metrics of this node over this period" (the node page) without scanning the node's whole history.
        CREATE INDEX metric_windows_by_node_time ON metric_windows (node_id, window_start);

        CREATE TABLE traffic_windows (
            node_id         text COLLATE "C"  NOT NULL CHECK (node_id <> ''),
            sensor          text COLLATE "C"  NOT NULL CHECK (sensor <> ''),
            window_start    timestamptz       NOT NULL,
            window_seconds  integer           NOT NULL CHECK (window_seconds > 0),
            time_quality    smallint          NOT NULL CHECK (time_quality BETWEEN 0 AND 2),
            is_partial      boolean           NOT NULL,
            approaching     integer           NOT NULL,
            receding        integer           NOT NULL,
            speed_histogram integer[]         NOT NULL CHECK (array_ndims(speed_histogram) = 1 AND cardinality(speed_histogram) = 16),
            v85_kmh         double precision,
            PRIMARY KEY (node_id, window_start, sensor)
        );

        CREATE TABLE dead_letters (
            id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            received_at     timestamptz NOT NULL,
            topic           text        NOT NULL,
            node_id         text COLLATE "C",
            payload         bytea       NOT NULL CHECK (length(payload) <= 65536),
            original_length integer     NOT NULL,
            reason          text        NOT NULL
        );
        CREATE INDEX dead_letters_by_node ON dead_letters (node_id, id);

        CREATE TABLE node_health (
            node_id     text COLLATE "C" NOT NULL PRIMARY KEY CHECK (node_id <> ''),
            reported_at timestamptz      NOT NULL,
            -- text, not jsonb: kept byte for byte as the node sent it (jsonb would reorder keys and drop duplicates).
            report_json text             NOT NULL
        );

        CREATE TABLE node_alerts (
            node_id        text COLLATE "C" NOT NULL CHECK (node_id <> ''),
            pollutant      text COLLATE "C" NOT NULL CHECK (pollutant <> ''),
            raised_at      timestamptz      NOT NULL,
            band           text             NOT NULL,
            measured_value double precision NOT NULL,
            cleared        boolean          NOT NULL,
            PRIMARY KEY (node_id, pollutant, raised_at)
        );
        """,
        """
        -- The node registry (Registry/). Credentials are kept only as hashes; the broker keeps its own.
        CREATE TABLE nodes (
            node_id              text COLLATE "C" NOT NULL PRIMARY KEY CHECK (node_id <> ''),
            name                 text             NOT NULL,
            municipality         text             NOT NULL,
            lamppost_id          text             NOT NULL,
            latitude             double precision CHECK (latitude BETWEEN -90 AND 90),
            longitude            double precision CHECK (longitude BETWEEN -180 AND 180),
            enabled              boolean          NOT NULL,
            enrolled_at          timestamptz      NOT NULL,
            credential_hash      text             NOT NULL CHECK (credential_hash <> ''),
            credential_issued_at timestamptz      NOT NULL
        );
        """,
        """
        -- Staff users and the audit log (Staff/, Audit/). Passwords are kept only as hashes.
        CREATE TABLE staff_users (
            user_name       text COLLATE "C" NOT NULL PRIMARY KEY CHECK (user_name <> ''),
            role            text             NOT NULL CHECK (role IN ('admin', 'technician', 'viewer')),
            password_hash   text             NOT NULL,
            security_stamp  text             NOT NULL,
            enabled         boolean          NOT NULL,
            failed_sign_ins integer          NOT NULL DEFAULT 0,
            locked_until    timestamptz,
            created_at      timestamptz      NOT NULL,
            last_sign_in_at timestamptz
        );

        CREATE TABLE audit_log (
            id      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            at      timestamptz NOT NULL,
            actor   text        NOT NULL CHECK (actor <> ''),
            action  text        NOT NULL CHECK (action <> ''),
            target  text        NOT NULL,
            details text        NOT NULL
        );
        """,
        // Monitoring: the alerts the fleet raises itself (silent node, sensor fault, low disk, pollution). One open alert per
        // (node, kind, subject), enforced by a partial unique index so that two fleet instances cannot both raise it.
        """
        CREATE TABLE fleet_alerts (
            id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            node_id         text COLLATE "C" NOT NULL CHECK (node_id <> ''),
            kind            text COLLATE "C" NOT NULL CHECK (kind <> ''),
            subject         text COLLATE "C" NOT NULL,
            detail          text             NOT NULL,
            measured_value  double precision,
            band            text,
            raised_at       timestamptz      NOT NULL,
            cleared_at      timestamptz,
            acknowledged_at timestamptz,
            acknowledged_by text
        );
        CREATE UNIQUE INDEX fleet_alerts_one_open ON fleet_alerts (node_id, kind, subject) WHERE cleared_at IS NULL;
        CREATE INDEX fleet_alerts_by_cleared ON fleet_alerts (cleared_at);
        """,
        // Calibration: every set given to a node, as the settings the node receives, and the node's answer.
        """
        CREATE TABLE calibration_sets (
            node_id       text COLLATE "C" NOT NULL CHECK (node_id <> ''),
            version       integer          NOT NULL CHECK (version > 0),
            settings_json text             NOT NULL,
            created_at    timestamptz      NOT NULL,
            created_by    text             NOT NULL CHECK (created_by <> ''),
            answered_at   timestamptz,
            applied       boolean,
            problem       text,
            PRIMARY KEY (node_id, version)
        );
        """,
        // Dead letters over a sender's quota are only counted (node_id '' when the topic named none); retention deletes
        // dead letters by age, hence the index on their arrival.
        """
        CREATE TABLE dead_letter_drops (
            node_id      text COLLATE "C" NOT NULL,
            period_start timestamptz      NOT NULL,
            messages     bigint           NOT NULL CHECK (messages >= 0),
            bytes        bigint           NOT NULL CHECK (bytes >= 0),
            PRIMARY KEY (node_id, period_start)
        );
        CREATE INDEX dead_letters_by_arrival ON dead_letters (received_at);
        """,
        // A sensor that gave no value in a window (faulty, backing off, stale; a traffic sensor's listening): without it a
        // window in which every read failed would reach the fleet and leave no trace.
        """
        CREATE TABLE no_value_windows (
            node_id             text COLLATE "C"  NOT NULL CHECK (node_id <> ''),
            sensor              text COLLATE "C"  NOT NULL CHECK (sensor <> ''),
            window_start        timestamptz       NOT NULL,
            window_seconds      integer           NOT NULL CHECK (window_seconds > 0),
            time_quality        smallint          NOT NULL CHECK (time_quality BETWEEN 0 AND 2),
            is_partial          boolean           NOT NULL,
            coverage            double precision  NOT NULL,
            faults              integer           NOT NULL,
            last_fault          text,
            calibration_version integer           NOT NULL,
            PRIMARY KEY (node_id, window_start, sensor)
        );
        """,
    ];

    public static int LatestVersion => Migrations.Length;

    /// <summary>
    /// Applies what is missing in one transaction under an advisory lock, so that two fleet instances starting together
    /// migrate once. DDL is transactional in PostgreSQL: a failed migration leaves nothing behind.
    /// </summary>
    /// <returns>The version found before migrating (0 for an empty database).</returns>
    public static async Task<int> MigrateAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using NpgsqlTransaction transaction = await connection.BeginTransactionAsync(ct);
        await ExecuteAsync(connection, transaction, $"SELECT pg_advisory_xact_lock({MigrationLockKey})", ct);
        await ExecuteAsync(connection, transaction, "CREATE TABLE IF NOT EXISTS schema_version (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())", ct);
        await using NpgsqlCommand read = new("SELECT coalesce(max(version), 0) FROM schema_version", connection, transaction);
        int found = (int)(await read.ExecuteScalarAsync(ct))!;
        if (found > LatestVersion)
        {
            throw new FleetStoreException(
                $"The fleet database is at schema version {found}, written by a newer fleet; this one knows up to {LatestVersion}. Run the newer fleet, or restore a backup.");
        }

        for (int version = found + 1; version <= LatestVersion; version++)
        {
            await ExecuteAsync(connection, transaction, Migrations[version - 1], ct);
            await ExecuteAsync(connection, transaction, $"INSERT INTO schema_version (version) VALUES ({version})", ct);
        }

        await transaction.CommitAsync(ct);
        return found;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken ct)
    {
        await using NpgsqlCommand command = new(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(ct);
    }
}

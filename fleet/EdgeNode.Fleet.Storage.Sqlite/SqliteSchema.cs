using Microsoft.Data.Sqlite;

namespace EdgeNode.Fleet.Storage.Sqlite;

/// <summary>
/// The SQLite schema as numbered migrations, applied in order and recorded in schema_version. Append a migration to
/// change the schema; never edit one that has shipped.
/// </summary>
internal static class SqliteSchema
{
    // Instants: window starts as Unix seconds (whole seconds by contract), other instants as Unix microseconds (the
    // precision PostgreSQL keeps, so both stores read back the same). Keys are ordered node, then what reads filter on
    // (metric, time), so that the primary key serves "this node, this metric, this period" without another index.
    private static readonly string[] Migrations =
    [
        """
        CREATE TABLE metric_windows (
            node_id             TEXT    NOT NULL CHECK (node_id <> ''),
            sensor              TEXT    NOT NULL CHECK (sensor <> ''),
            metric              TEXT    NOT NULL CHECK (metric <> ''),
            window_start        INTEGER NOT NULL,
            window_seconds      INTEGER NOT NULL CHECK (window_seconds > 0),
            time_quality        INTEGER NOT NULL CHECK (time_quality BETWEEN 0 AND 2),
            is_partial          INTEGER NOT NULL,
            sample_count        INTEGER NOT NULL,
            mean_value          REAL    NOT NULL,
            minimum_value       REAL    NOT NULL,
            maximum_value       REAL    NOT NULL,
            last_value          REAL    NOT NULL,
            coverage            REAL    NOT NULL,
            faults              INTEGER NOT NULL,
            last_fault          TEXT,
            calibration_version INTEGER NOT NULL,
            PRIMARY KEY (node_id, metric, window_start, sensor)
        ) WITHOUT ROWID;
        -- "All metrics of this node over this period" (the node page) without scanning the node's whole history.
        CREATE INDEX metric_windows_by_node_time ON metric_windows (node_id, window_start);

        CREATE TABLE traffic_windows (
            node_id         TEXT    NOT NULL CHECK (node_id <> ''),
            sensor          TEXT    NOT NULL CHECK (sensor <> ''),
            window_start    INTEGER NOT NULL,
            window_seconds  INTEGER NOT NULL CHECK (window_seconds > 0),
            time_quality    INTEGER NOT NULL CHECK (time_quality BETWEEN 0 AND 2),
            is_partial      INTEGER NOT NULL,
            approaching     INTEGER NOT NULL,
            receding        INTEGER NOT NULL,
            -- 16 little-endian 32-bit counts.
            speed_histogram BLOB    NOT NULL CHECK (length(speed_histogram) = 64),
            v85_kmh         REAL,
            PRIMARY KEY (node_id, window_start, sensor)
        ) WITHOUT ROWID;

        CREATE TABLE dead_letters (
            id              INTEGER PRIMARY KEY,
            received_at_us  INTEGER NOT NULL,
            topic           TEXT    NOT NULL,
            node_id         TEXT,
            payload         BLOB    NOT NULL CHECK (length(payload) <= 65536),
            original_length INTEGER NOT NULL,
            reason          TEXT    NOT NULL
        );
        CREATE INDEX dead_letters_by_node ON dead_letters (node_id, id);

        CREATE TABLE node_health (
            node_id        TEXT    NOT NULL PRIMARY KEY CHECK (node_id <> ''),
            reported_at_us INTEGER NOT NULL,
            report_json    TEXT    NOT NULL
        );

        CREATE TABLE node_alerts (
            node_id        TEXT    NOT NULL CHECK (node_id <> ''),
            pollutant      TEXT    NOT NULL CHECK (pollutant <> ''),
            raised_at_us   INTEGER NOT NULL,
            band           TEXT    NOT NULL,
            measured_value REAL    NOT NULL,
            cleared        INTEGER NOT NULL,
            PRIMARY KEY (node_id, pollutant, raised_at_us)
        ) WITHOUT ROWID;
        """,
        """
        -- The node registry (Registry/). Credentials are kept only as hashes; the broker keeps its own.
        CREATE TABLE nodes (
            node_id                  TEXT    NOT NULL PRIMARY KEY CHECK (node_id <> ''),
            name                     TEXT    NOT NULL,
            municipality             TEXT    NOT NULL,
            lamppost_id              TEXT    NOT NULL,
            latitude                 REAL    CHECK (latitude BETWEEN -90 AND 90),
            longitude                REAL    CHECK (longitude BETWEEN -180 AND 180),
            enabled                  INTEGER NOT NULL,
            enrolled_at_us           INTEGER NOT NULL,
            credential_hash          TEXT    NOT NULL CHECK (credential_hash <> ''),
            credential_issued_at_us  INTEGER NOT NULL
        ) WITHOUT ROWID;
        """,
        """
        -- Staff users and the audit log (Staff/, Audit/). Passwords are kept only as hashes.
        CREATE TABLE staff_users (
            user_name          TEXT    NOT NULL PRIMARY KEY CHECK (user_name <> ''),
            role               TEXT    NOT NULL CHECK (role IN ('admin', 'technician', 'viewer')),
            password_hash      TEXT    NOT NULL,
            security_stamp     TEXT    NOT NULL,
            enabled            INTEGER NOT NULL,
            failed_sign_ins    INTEGER NOT NULL DEFAULT 0,
            locked_until_us    INTEGER,
            created_at_us      INTEGER NOT NULL,
            last_sign_in_at_us INTEGER
        ) WITHOUT ROWID;

        -- AUTOINCREMENT: an id is never given twice, even after the newest entry is gone, so "#42" names one entry forever.
        CREATE TABLE audit_log (
            id      INTEGER PRIMARY KEY AUTOINCREMENT,
            at_us   INTEGER NOT NULL,
            actor   TEXT    NOT NULL CHECK (actor <> ''),
            action  TEXT    NOT NULL CHECK (action <> ''),
            target  TEXT    NOT NULL,
            details TEXT    NOT NULL
        );
        """,
        // Monitoring: the alerts the fleet raises itself (silent node, sensor fault, low disk, pollution). One open alert per
        // (node, kind, subject), enforced by a partial unique index so that two evaluators cannot both raise it.
        """
        CREATE TABLE fleet_alerts (
            id                 INTEGER PRIMARY KEY,
            node_id            TEXT    NOT NULL CHECK (node_id <> ''),
            kind               TEXT    NOT NULL CHECK (kind <> ''),
            subject            TEXT    NOT NULL,
            detail             TEXT    NOT NULL,
            measured_value     REAL,
            band               TEXT,
            raised_at_us       INTEGER NOT NULL,
            cleared_at_us      INTEGER,
            acknowledged_at_us INTEGER,
            acknowledged_by    TEXT
        );
        CREATE UNIQUE INDEX fleet_alerts_one_open ON fleet_alerts (node_id, kind, subject) WHERE cleared_at_us IS NULL;
        CREATE INDEX fleet_alerts_by_cleared ON fleet_alerts (cleared_at_us);
        """,
        // Calibration: every set given to a node, as the settings the node receives, and the node's answer.
        """
        CREATE TABLE calibration_sets (
            node_id        TEXT    NOT NULL CHECK (node_id <> ''),
            version        INTEGER NOT NULL CHECK (version > 0),
            settings_json  TEXT    NOT NULL,
            created_at_us  INTEGER NOT NULL,
            created_by     TEXT    NOT NULL CHECK (created_by <> ''),
            answered_at_us INTEGER,
            applied        INTEGER,
            problem        TEXT,
            PRIMARY KEY (node_id, version)
        ) WITHOUT ROWID;
        """,
        // Dead letters over a sender's quota are only counted (node_id '' when the topic named none); retention deletes
        // dead letters by age, hence the index on their arrival.
        """
        CREATE TABLE dead_letter_drops (
            node_id         TEXT    NOT NULL,
            period_start_us INTEGER NOT NULL,
            messages        INTEGER NOT NULL CHECK (messages >= 0),
            bytes           INTEGER NOT NULL CHECK (bytes >= 0),
            PRIMARY KEY (node_id, period_start_us)
        ) WITHOUT ROWID;
        CREATE INDEX dead_letters_by_arrival ON dead_letters (received_at_us);
        """,
        // A sensor that gave no value in a window (faulty, backing off, stale; a traffic sensor's listening): without it a
        // window in which every read failed would reach the fleet and leave no trace.
        """
        CREATE TABLE no_value_windows (
            node_id             TEXT    NOT NULL CHECK (node_id <> ''),
            sensor              TEXT    NOT NULL CHECK (sensor <> ''),
            window_start        INTEGER NOT NULL,
            window_seconds      INTEGER NOT NULL CHECK (window_seconds > 0),
            time_quality        INTEGER NOT NULL CHECK (time_quality BETWEEN 0 AND 2),
            is_partial          INTEGER NOT NULL,
            coverage            REAL    NOT NULL,
            faults              INTEGER NOT NULL,
            last_fault          TEXT,
            calibration_version INTEGER NOT NULL,
            PRIMARY KEY (node_id, window_start, sensor)
        ) WITHOUT ROWID;
        """,
        // The instant columns take PostgreSQL's names, so that one SQL text serves both engines (Storage/Queries); the
        // values stay INTEGER Unix microseconds (StoreDialect says how each engine stores an instant). Renaming keeps the
        // rows, and SQLite rewrites the indexes that name a renamed column (fleet_alerts_one_open's WHERE too).
        """
        ALTER TABLE dead_letters RENAME COLUMN received_at_us TO received_at;
        ALTER TABLE node_health RENAME COLUMN reported_at_us TO reported_at;
        ALTER TABLE node_alerts RENAME COLUMN raised_at_us TO raised_at;
        ALTER TABLE nodes RENAME COLUMN enrolled_at_us TO enrolled_at;
        ALTER TABLE nodes RENAME COLUMN credential_issued_at_us TO credential_issued_at;
        ALTER TABLE staff_users RENAME COLUMN locked_until_us TO locked_until;
        ALTER TABLE staff_users RENAME COLUMN created_at_us TO created_at;
        ALTER TABLE staff_users RENAME COLUMN last_sign_in_at_us TO last_sign_in_at;
        ALTER TABLE audit_log RENAME COLUMN at_us TO at;
        ALTER TABLE fleet_alerts RENAME COLUMN raised_at_us TO raised_at;
        ALTER TABLE fleet_alerts RENAME COLUMN cleared_at_us TO cleared_at;
        ALTER TABLE fleet_alerts RENAME COLUMN acknowledged_at_us TO acknowledged_at;
        ALTER TABLE calibration_sets RENAME COLUMN created_at_us TO created_at;
        ALTER TABLE calibration_sets RENAME COLUMN answered_at_us TO answered_at;
        ALTER TABLE dead_letter_drops RENAME COLUMN period_start_us TO period_start;
        """,
    ];

    public static int LatestVersion => Migrations.Length;

    /// <summary>Applies what is missing in one IMMEDIATE transaction, so that two processes starting together do not race.</summary>
    /// <returns>The version found before migrating (0 for a new file).</returns>
    public static int Migrate(SqliteConnection connection) => Migrate(connection, LatestVersion);

    /// <summary>Migrates up to <paramref name="targetVersion"/> only: for tests that need a file as an older fleet left it.</summary>
    internal static int Migrate(SqliteConnection connection, int targetVersion)
    {
        using SqliteTransaction transaction = connection.BeginTransaction(deferred: false);
        Execute(connection, transaction, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at_us INTEGER NOT NULL)");
        using SqliteCommand read = Command(connection, transaction, "SELECT coalesce(max(version), 0) FROM schema_version");
        int found = Convert.ToInt32(read.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        if (found > LatestVersion)
        {
            throw new FleetStoreException(
                $"The fleet database is at schema version {found}, written by a newer fleet; this one knows up to {LatestVersion}. Run the newer fleet, or restore a backup.");
        }

        for (int version = found + 1; version <= targetVersion; version++)
        {
            Execute(connection, transaction, Migrations[version - 1]);
            using SqliteCommand record = Command(connection, transaction, "INSERT INTO schema_version (version, applied_at_us) VALUES ($version, $now)");
            record.Parameters.AddWithValue("$version", version);
            record.Parameters.AddWithValue("$now", StoredInstant.ToUnixMicroseconds(DateTimeOffset.UtcNow));
            record.ExecuteNonQuery();
        }

        transaction.Commit();
        return found;
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        using SqliteCommand command = Command(connection, transaction, sql);
        command.ExecuteNonQuery();
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        SqliteCommand command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }
}

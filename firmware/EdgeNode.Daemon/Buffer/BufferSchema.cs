namespace EdgeNode.Daemon.Buffer;

/// <summary>
/// The buffer file's tables. Times are UTC ticks (exact, and they sort); ids are AUTOINCREMENT so a deleted id is
/// never handed out again while the uplink may still hold it.
/// </summary>
internal static class BufferSchema
{
    /// <summary>Kept in PRAGMA user_version; a file with a higher one was written by a newer firmware.</summary>
    public const int Version = 2;

    /// <summary>
    /// Version 2 adds where an Unconfirmed window started on its boot's monotonic clock, for re-stamping it once the
    /// clock is synchronised; null for every other window. A version-1 file gains the columns, its rows keep null.
    /// </summary>
    public const string MigrateFrom1 = """
        ALTER TABLE windows ADD COLUMN boot_id TEXT;
        ALTER TABLE windows ADD COLUMN monotonic_start_ticks INTEGER;
        """;

    public const string Create = """
        CREATE TABLE IF NOT EXISTS windows (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            start_ticks INTEGER NOT NULL,
            length_ticks INTEGER NOT NULL,
            payload BLOB NOT NULL,
            boot_id TEXT,
            monotonic_start_ticks INTEGER);
        CREATE INDEX IF NOT EXISTS windows_by_start ON windows (start_ticks, id);
        CREATE INDEX IF NOT EXISTS windows_by_length ON windows (length_ticks, start_ticks);
        CREATE TABLE IF NOT EXISTS gaps (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            from_ticks INTEGER NOT NULL,
            to_ticks INTEGER NOT NULL,
            windows INTEGER NOT NULL,
            cause TEXT NOT NULL,
            recorded_ticks INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS downsamplings (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            from_ticks INTEGER NOT NULL,
            to_ticks INTEGER NOT NULL,
            windows_merged INTEGER NOT NULL,
            from_length_ticks INTEGER NOT NULL,
            windows_produced INTEGER NOT NULL,
            to_length_ticks INTEGER NOT NULL,
            recorded_ticks INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS set_aside (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            path TEXT NOT NULL,
            reason TEXT NOT NULL,
            windows_salvaged INTEGER NOT NULL,
            read_to_end INTEGER NOT NULL,
            detected_ticks INTEGER NOT NULL);
        """;
}

using Microsoft.Data.Sqlite;

namespace EdgeNode.Daemon.Buffer;

/// <summary>Sorts what went wrong with the buffer file and says, for an operator, what to do about it.</summary>
internal static class StorageFailure
{
    // Primary result codes, https://sqlite.org/rescode.html
    private const int SqliteReadOnly = 8;
    private const int SqliteCorrupt = 11;
    private const int SqliteFull = 13;
    private const int SqliteCantOpen = 14;
    private const int SqliteNotADatabase = 26;

    /// <summary>A failure of the file or its medium, to retry later; anything else is a bug and is left to escape.</summary>
    public static bool IsStorage(Exception e) => e is SqliteException or IOException or UnauthorizedAccessException or DatabaseCorruptException;

    public static bool IsCorruption(Exception e) =>
        e is DatabaseCorruptException || (e is SqliteException sqlite && PrimaryCode(sqlite) is SqliteCorrupt or SqliteNotADatabase);

    public static string Describe(Exception e, string path, TimeSpan retryDelay)
    {
        string retry = $"Windows are kept in memory and storing is retried every {retryDelay.TotalSeconds:0} s.";
        return e switch
        {
            SqliteException s when PrimaryCode(s) == SqliteFull =>
                $"The buffer database {path} cannot grow: the file system is full (SQLITE_FULL). {retry} Free space on the SD card (old logs, /var/tmp) or lower the buffer quota.",
            SqliteException s when PrimaryCode(s) == SqliteReadOnly =>
                $"The buffer database {path} cannot be written: the file system is read-only (SQLITE_READONLY). {retry} The kernel remounts a failing SD card read-only: check 'dmesg', then fsck or replace the card.",
            SqliteException s when PrimaryCode(s) == SqliteCantOpen =>
                $"The buffer database {path} cannot be opened (SQLITE_CANTOPEN): its folder is missing, not writable, or the SD card is not mounted. {retry}",
            SqliteException s =>
                $"The buffer database {path} failed: {s.Message} {retry} If this repeats, check the SD card ('dmesg').",
            _ =>
                $"The buffer database {path} is not reachable: {e.Message} {retry} Check that the folder exists and is writable by the service user.",
        };
    }

    // Extended codes carry the primary code in their low byte.
    private static int PrimaryCode(SqliteException e) => e.SqliteErrorCode & 0xFF;
}

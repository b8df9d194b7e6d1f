using EdgeNode.Fleet.Staff;
using Microsoft.Data.Sqlite;

namespace EdgeNode.Fleet.Storage.Sqlite;

/// <summary>Staff users in the SQLite file (table staff_users).</summary>
internal sealed partial class SqliteFleetStore : IStaffUserStore
{
    private const string StaffUserColumns =
        "user_name, role, password_hash, security_stamp, enabled, failed_sign_ins, locked_until_us, created_at_us, last_sign_in_at_us";

    // SqliteConstraintPrimaryKey (1555, a PRIMARY KEY violation) is declared with the registry's part.

    public Task<int> CountStaffUsersAsync(CancellationToken ct) =>
        ReadAsync(ct, connection =>
        {
            using SqliteCommand command = Command(connection, "SELECT count(*) FROM staff_users");
            return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        });

    public Task<StaffUser?> FindStaffUserAsync(string userName, CancellationToken ct) =>
        ReadAsync(ct, connection =>
        {
            using SqliteCommand command = Command(connection, $"SELECT {StaffUserColumns} FROM staff_users WHERE user_name = $name", ("$name", userName));
            return ReadAll(command, ReadStaffUser).SingleOrDefault();
        });

    public Task<IReadOnlyList<StaffUser>> ListStaffUsersAsync(CancellationToken ct) =>
        ReadAsync(ct, connection =>
        {
            // Names are ASCII (StaffUserName), so SQLite's default BINARY collation is the ordinal order.
            using SqliteCommand command = Command(connection, $"SELECT {StaffUserColumns} FROM staff_users ORDER BY user_name");
            return ReadAll(command, ReadStaffUser);
        });

    public async Task AddStaffUserAsync(StaffUser user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        try
        {
            await WriteAsync(ct, connection =>
            {
                using SqliteCommand command = Command(
                    connection,
                    $"""
                    INSERT INTO staff_users ({StaffUserColumns})
                    VALUES ($name, $role, $hash, $stamp, $enabled, $failed, $locked, $created, $signedIn)
                    """,
                    ("$name", user.UserName), ("$role", user.Role), ("$hash", user.PasswordHash), ("$stamp", user.SecurityStamp),
                    ("$enabled", user.Enabled), ("$failed", user.FailedSignIns), ("$locked", Microseconds(user.LockedUntil)),
                    ("$created", StoredInstant.ToUnixMicroseconds(user.CreatedAt)), ("$signedIn", Microseconds(user.LastSignInAt)));
                return command.ExecuteNonQuery();
            });
        }
        catch (FleetStoreException exception) when (exception.InnerException is SqliteException { SqliteExtendedErrorCode: SqliteConstraintPrimaryKey })
        {
            throw new StaffUserExistsException(user.UserName);
        }
    }

    public Task<bool> SetStaffUserRoleAsync(string userName, string role, CancellationToken ct) =>
        UpdateStaffUserAsync(ct, "UPDATE staff_users SET role = $role WHERE user_name = $name", ("$name", userName), ("$role", role));

    public Task<bool> SetStaffUserEnabledAsync(string userName, bool enabled, CancellationToken ct) =>
        UpdateStaffUserAsync(ct, "UPDATE staff_users SET enabled = $enabled WHERE user_name = $name", ("$name", userName), ("$enabled", enabled));

    public Task<bool> SetStaffUserPasswordAsync(string userName, string passwordHash, string securityStamp, CancellationToken ct) =>
        UpdateStaffUserAsync(
            ct,
            "UPDATE staff_users SET password_hash = $hash, security_stamp = $stamp, failed_sign_ins = 0, locked_until_us = NULL WHERE user_name = $name",
            ("$name", userName), ("$hash", passwordHash), ("$stamp", securityStamp));

    public Task<bool> RecordFailedSignInAsync(string userName, int maxFailures, DateTimeOffset lockUntil, CancellationToken ct) =>
        WriteAsync(ct, connection =>
        {
            // One statement, so that two wrong passwords at once are both counted.
            using SqliteCommand command = Command(
                connection,
                """
                UPDATE staff_users SET
                    locked_until_us = CASE WHEN failed_sign_ins + 1 >= $max THEN $until ELSE locked_until_us END,
                    failed_sign_ins = CASE WHEN failed_sign_ins + 1 >= $max THEN 0 ELSE failed_sign_ins + 1 END
                WHERE user_name = $name
                RETURNING failed_sign_ins = 0
                """,
                ("$name", userName), ("$max", Math.Max(1, maxFailures)), ("$until", StoredInstant.ToUnixMicroseconds(lockUntil)));
            object? locked = command.ExecuteScalar();
            return locked is long value && value != 0;
        });

    public Task<bool> RecordSignInAsync(string userName, DateTimeOffset at, CancellationToken ct) =>
        UpdateStaffUserAsync(
            ct,
            "UPDATE staff_users SET failed_sign_ins = 0, locked_until_us = NULL, last_sign_in_at_us = $at WHERE user_name = $name",
            ("$name", userName), ("$at", StoredInstant.ToUnixMicroseconds(at)));

    private Task<bool> UpdateStaffUserAsync(CancellationToken ct, string sql, params (string Name, object? Value)[] parameters) =>
        WriteAsync(ct, connection =>
        {
            using SqliteCommand command = Command(connection, sql, parameters);
            return command.ExecuteNonQuery() == 1;
        });

    private static StaffUser ReadStaffUser(SqliteDataReader row) => new(
        row.GetString(0), row.GetString(1), row.GetString(2), row.GetString(3), row.GetBoolean(4), row.GetInt32(5),
        row.IsDBNull(6) ? null : StoredInstant.FromUnixMicroseconds(row.GetInt64(6)),
        StoredInstant.FromUnixMicroseconds(row.GetInt64(7)),
        row.IsDBNull(8) ? null : StoredInstant.FromUnixMicroseconds(row.GetInt64(8)));

    private static long? Microseconds(DateTimeOffset? instant) => instant is { } value ? StoredInstant.ToUnixMicroseconds(value) : null;

    /// <summary>A small write outside the ingest's batches, through the same gate as every writer of this file.</summary>
    private async Task<T> WriteAsync<T>(CancellationToken ct, Func<SqliteConnection, T> write)
    {
        await _writeGate.WaitAsync(ct);
        try
        {
            await using SqliteConnection connection = await OpenAsync(ct);
            return write(connection);
        }
        catch (SqliteException exception)
        {
            throw new FleetStoreException($"The fleet database {FilePath} refused a change: {exception.Message}", exception);
        }
        finally
        {
            _writeGate.Release();
        }
    }
}

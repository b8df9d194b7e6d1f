using EdgeNode.Fleet.Staff;
using Npgsql;
using NpgsqlTypes;

namespace EdgeNode.Fleet.Storage.Postgres;

/// <summary>Staff users in PostgreSQL (table staff_users).</summary>
internal sealed partial class PostgresFleetStore : IStaffUserStore
{
    private const string StaffUserColumns =
        "user_name, role, password_hash, security_stamp, enabled, failed_sign_ins, locked_until, created_at, last_sign_in_at";

    public Task<int> CountStaffUsersAsync(CancellationToken ct) =>
        ReadAsync(ct, async (connection, token) =>
        {
            await using NpgsqlCommand command = Command(connection, "SELECT count(*)::integer FROM staff_users");
            return (int)(await command.ExecuteScalarAsync(token))!;
        });

    public Task<StaffUser?> FindStaffUserAsync(string userName, CancellationToken ct) =>
        ReadAsync(ct, async (connection, token) =>
        {
            await using NpgsqlCommand command = Command(connection, $"SELECT {StaffUserColumns} FROM staff_users WHERE user_name = $1", Text(userName));
            return (await ReadAllAsync(command, token, ReadStaffUser)).SingleOrDefault();
        });

    public Task<IReadOnlyList<StaffUser>> ListStaffUsersAsync(CancellationToken ct) =>
        ReadAsync(ct, async (connection, token) =>
        {
            await using NpgsqlCommand command = Command(connection, $"SELECT {StaffUserColumns} FROM staff_users ORDER BY user_name");
            return await ReadAllAsync(command, token, ReadStaffUser);
        });

    public async Task AddStaffUserAsync(StaffUser user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        try
        {
            await ReadAsync(ct, async (connection, token) =>
            {
                await using NpgsqlCommand command = Command(
                    connection,
                    $"INSERT INTO staff_users ({StaffUserColumns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
                    Text(user.UserName), Text(user.Role), Text(user.PasswordHash), Text(user.SecurityStamp),
                    new NpgsqlParameter { Value = user.Enabled, NpgsqlDbType = NpgsqlDbType.Boolean },
                    new NpgsqlParameter { Value = user.FailedSignIns, NpgsqlDbType = NpgsqlDbType.Integer },
                    Instant(user.LockedUntil), Instant(user.CreatedAt), Instant(user.LastSignInAt));
                return await command.ExecuteNonQueryAsync(token);
            });
        }
        catch (FleetStoreException exception) when (exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            throw new StaffUserExistsException(user.UserName);
        }
    }

    public Task<bool> SetStaffUserRoleAsync(string userName, string role, CancellationToken ct) =>
        UpdateStaffUserAsync(ct, "UPDATE staff_users SET role = $2 WHERE user_name = $1", Text(userName), Text(role));

    public Task<bool> SetStaffUserEnabledAsync(string userName, bool enabled, CancellationToken ct) =>
        UpdateStaffUserAsync(
            ct, "UPDATE staff_users SET enabled = $2 WHERE user_name = $1", Text(userName), new NpgsqlParameter { Value = enabled, NpgsqlDbType = NpgsqlDbType.Boolean });

    public Task<bool> SetStaffUserPasswordAsync(string userName, string passwordHash, string securityStamp, CancellationToken ct) =>
        UpdateStaffUserAsync(
            ct,
            "UPDATE staff_users SET password_hash = $2, security_stamp = $3, failed_sign_ins = 0, locked_until = NULL WHERE user_name = $1",
            Text(userName), Text(passwordHash), Text(securityStamp));

    public Task<bool> RecordFailedSignInAsync(string userName, int maxFailures, DateTimeOffset lockUntil, CancellationToken ct) =>
        ReadAsync(ct, async (connection, token) =>
        {
            // One statement (the row is locked while it runs), so that two wrong passwords at once are both counted.
            await using NpgsqlCommand command = Command(
                connection,
                """
                UPDATE staff_users SET
                    locked_until = CASE WHEN failed_sign_ins + 1 >= $2 THEN $3 ELSE locked_until END,
                    failed_sign_ins = CASE WHEN failed_sign_ins + 1 >= $2 THEN 0 ELSE failed_sign_ins + 1 END
                WHERE user_name = $1
                RETURNING failed_sign_ins = 0
                """,
                Text(userName), new NpgsqlParameter { Value = Math.Max(1, maxFailures), NpgsqlDbType = NpgsqlDbType.Integer }, Instant(lockUntil));
            return await command.ExecuteScalarAsync(token) is true;
        });

    public Task<bool> RecordSignInAsync(string userName, DateTimeOffset at, CancellationToken ct) =>
        UpdateStaffUserAsync(
            ct, "UPDATE staff_users SET failed_sign_ins = 0, locked_until = NULL, last_sign_in_at = $2 WHERE user_name = $1", Text(userName), Instant(at));

    private Task<bool> UpdateStaffUserAsync(CancellationToken ct, string sql, params NpgsqlParameter[] parameters) =>
        ReadAsync(ct, async (connection, token) =>
        {
            await using NpgsqlCommand command = Command(connection, sql, parameters);
            return await command.ExecuteNonQueryAsync(token) == 1;
        });

    private static StaffUser ReadStaffUser(NpgsqlDataReader row) => new(
        row.GetString(0), row.GetString(1), row.GetString(2), row.GetString(3), row.GetBoolean(4), row.GetInt32(5),
        row.IsDBNull(6) ? null : row.GetFieldValue<DateTimeOffset>(6),
        row.GetFieldValue<DateTimeOffset>(7),
        row.IsDBNull(8) ? null : row.GetFieldValue<DateTimeOffset>(8));

    private static NpgsqlParameter Instant(DateTimeOffset? instant) => new()
    {
        Value = instant is { } value ? StoredInstant.ToUtcMicroseconds(value) : DBNull.Value,
        NpgsqlDbType = NpgsqlDbType.TimestampTz,
    };
}

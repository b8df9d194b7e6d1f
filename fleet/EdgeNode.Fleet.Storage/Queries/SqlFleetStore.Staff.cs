using System.Data.Common;
using Dapper;
using EdgeNode.Fleet.Staff;

namespace EdgeNode.Fleet.Storage.Queries;

/// <summary>Staff users (table staff_users).</summary>
internal abstract partial class SqlFleetStore : IStaffUserStore
{
    private const string StaffUserColumns =
        "user_name, role, password_hash, security_stamp, enabled, failed_sign_ins, locked_until, created_at, last_sign_in_at";

    public Task<int> CountStaffUsersAsync(CancellationToken ct) =>
        OnConnectionAsync((connection, token) => connection.ExecuteScalarAsync<int>(Command("SELECT count(*) FROM staff_users", null, token)), ct);

    public async Task<StaffUser?> FindStaffUserAsync(string userName, CancellationToken ct) =>
        (await ReadStaffUsersAsync("WHERE user_name = @name", new { name = userName }, ct)).SingleOrDefault();

    // Names are ASCII (StaffUserName), so both engines' ordering is the ordinal one.
    public Task<IReadOnlyList<StaffUser>> ListStaffUsersAsync(CancellationToken ct) => ReadStaffUsersAsync("ORDER BY user_name", null, ct);

    public async Task AddStaffUserAsync(StaffUser user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        try
        {
            await ChangeOneAsync(
                $"""
                INSERT INTO staff_users ({StaffUserColumns})
                VALUES (@name, @role, @hash, @stamp, @enabled, @failed, @locked, @created, @signedIn)
                """,
                new
                {
                    name = user.UserName, role = user.Role, hash = user.PasswordHash, stamp = user.SecurityStamp, enabled = user.Enabled,
                    failed = user.FailedSignIns, locked = Dialect.Instant(user.LockedUntil), created = Dialect.Instant(user.CreatedAt),
                    signedIn = Dialect.Instant(user.LastSignInAt),
                },
                ct);
        }
        catch (FleetStoreException exception) when (IsDuplicateKey(exception))
        {
            throw new StaffUserExistsException(user.UserName);
        }
    }

    public Task<bool> SetStaffUserRoleAsync(string userName, string role, CancellationToken ct) =>
        ChangeOneAsync("UPDATE staff_users SET role = @role WHERE user_name = @name", new { name = userName, role }, ct);

    public Task<bool> SetStaffUserEnabledAsync(string userName, bool enabled, CancellationToken ct) =>
        ChangeOneAsync("UPDATE staff_users SET enabled = @enabled WHERE user_name = @name", new { name = userName, enabled }, ct);

    public Task<bool> SetStaffUserPasswordAsync(string userName, string passwordHash, string securityStamp, CancellationToken ct) =>
        ChangeOneAsync(
            "UPDATE staff_users SET password_hash = @hash, security_stamp = @stamp, failed_sign_ins = 0, locked_until = NULL WHERE user_name = @name",
            new { name = userName, hash = passwordHash, stamp = securityStamp },
            ct);

    public Task<bool> RecordFailedSignInAsync(string userName, int maxFailures, DateTimeOffset lockUntil, CancellationToken ct) =>
        InTransactionAsync(
            // One statement (the row is locked while it runs), so that two wrong passwords at once are both counted.
            // No row (an unknown name) reads as false: not locked.
            (connection, transaction, token) => connection.ExecuteScalarAsync<bool>(Command(
                """
                UPDATE staff_users SET
                    locked_until = CASE WHEN failed_sign_ins + 1 >= @max THEN @until ELSE locked_until END,
                    failed_sign_ins = CASE WHEN failed_sign_ins + 1 >= @max THEN 0 ELSE failed_sign_ins + 1 END
                WHERE user_name = @name
                RETURNING failed_sign_ins = 0
                """,
                new { name = userName, max = Math.Max(1, maxFailures), until = Dialect.Instant(lockUntil) },
                token,
                transaction)),
            ct);

    public Task<bool> RecordSignInAsync(string userName, DateTimeOffset at, CancellationToken ct) =>
        ChangeOneAsync(
            "UPDATE staff_users SET failed_sign_ins = 0, locked_until = NULL, last_sign_in_at = @at WHERE user_name = @name",
            new { name = userName, at = Dialect.Instant(at) },
            ct);

    private Task<IReadOnlyList<StaffUser>> ReadStaffUsersAsync(string filter, object? parameters, CancellationToken ct) =>
        OnConnectionAsync(
            (connection, token) => QueryAsync(connection, Command($"SELECT {StaffUserColumns} FROM staff_users {filter}", parameters, token), ReadStaffUser),
            ct);

    private StaffUser ReadStaffUser(DbDataReader row) => new(
        row.GetString(0), row.GetString(1), row.GetString(2), row.GetString(3), row.GetBoolean(4), row.GetInt32(5),
        Dialect.ReadOptionalInstant(row, 6), Dialect.ReadInstant(row, 7), Dialect.ReadOptionalInstant(row, 8));
}

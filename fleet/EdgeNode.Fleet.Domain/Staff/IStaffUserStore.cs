namespace EdgeNode.Fleet.Staff;

/// <summary>
/// Where staff users are kept: the fleet's database (SQLite or PostgreSQL, the same store object as
/// <see cref="Storage.IFleetStore"/>). User names are passed in their stored form (<see cref="StaffUserName.Normalise"/>).
/// Methods that change a user return false when there is no such user.
/// </summary>
public interface IStaffUserStore
{
    Task<int> CountStaffUsersAsync(CancellationToken ct);

    Task<StaffUser?> FindStaffUserAsync(string userName, CancellationToken ct);

    /// <summary>Every user, by user name (ordinal).</summary>
    Task<IReadOnlyList<StaffUser>> ListStaffUsersAsync(CancellationToken ct);

    /// <exception cref="StaffUserExistsException">The name is taken.</exception>
    Task AddStaffUserAsync(StaffUser user, CancellationToken ct);

    Task<bool> SetStaffUserRoleAsync(string userName, string role, CancellationToken ct);

    Task<bool> SetStaffUserEnabledAsync(string userName, bool enabled, CancellationToken ct);

    /// <summary>Replaces the hash and the security stamp, and lifts any lockout.</summary>
    Task<bool> SetStaffUserPasswordAsync(string userName, string passwordHash, string securityStamp, CancellationToken ct);

    /// <summary>
    /// Counts one wrong password, atomically; when that makes <paramref name="maxFailures"/>, locks the user until
    /// <paramref name="lockUntil"/> and starts counting again from zero.
    /// </summary>
    /// <returns>True when this failure locked the user.</returns>
    Task<bool> RecordFailedSignInAsync(string userName, int maxFailures, DateTimeOffset lockUntil, CancellationToken ct);

    /// <summary>Forgets past failures and any lockout, and records when the user signed in.</summary>
    Task<bool> RecordSignInAsync(string userName, DateTimeOffset at, CancellationToken ct);
}

namespace EdgeNode.Fleet.Staff;

/// <summary>A person who signs in to the staff panel.</summary>
/// <param name="UserName">Lower case, unique, fixed for the user's life (see <see cref="StaffUserName"/>).</param>
/// <param name="Role">One of <see cref="StaffRoles"/>.</param>
/// <param name="PasswordHash">ASP.NET Core Identity's PasswordHasher format (PBKDF2); never the password.</param>
/// <param name="SecurityStamp">Changes when the password is reset, which ends the user's open sessions.</param>
/// <param name="Enabled">False once an admin disabled the user: sign-in refused, open sessions ended.</param>
/// <param name="FailedSignIns">Wrong passwords since the last successful sign-in or lockout.</param>
/// <param name="LockedUntil">Sign-in refused until then, even with the right password; null when not locked.</param>
/// <param name="CreatedAt">When the user was created.</param>
/// <param name="LastSignInAt">The latest successful sign-in, or null.</param>
public sealed record StaffUser(
    string UserName,
    string Role,
    string PasswordHash,
    string SecurityStamp,
    bool Enabled,
    int FailedSignIns,
    DateTimeOffset? LockedUntil,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LastSignInAt);

using EdgeNode.Fleet.Audit;
using EdgeNode.Fleet.Localisation;

namespace EdgeNode.Fleet.Staff;

/// <summary>
/// What an admin does to staff users, each change checked, made, then audited. Refusals are
/// <see cref="StaffChangeRefusedException"/> with the reason in French. The fleet always keeps an enabled admin: the
/// last one cannot be demoted or disabled.
/// </summary>
public sealed class StaffUserAdministration(IStaffUserStore users, StaffPasswords passwords, SignInLockout lockout, IAuditLog audit, TimeProvider time, ILogger<StaffUserAdministration> logger)
{
    // Two admins demoting each other at the same instant could both pass the last-admin check: one gate per process.
    private readonly SemaphoreSlim _gate = new(1, 1);

    private static StaffText Text => StaffText.French;

    public Task<IReadOnlyList<StaffUser>> ListAsync(CancellationToken ct) => users.ListStaffUsersAsync(ct);

    public async Task<StaffUser> CreateAsync(string actor, string? userName, string? role, string? password, CancellationToken ct)
    {
        string name = StaffUserName.Normalise(userName)
            ?? throw new StaffChangeRefusedException(Text.InvalidUserName(StaffUserName.MaxLength));
        string checkedRole = CheckRole(role);
        if (passwords.Problem(password) is { } problem)
        {
            throw new StaffChangeRefusedException(problem);
        }

        var user = new StaffUser(name, checkedRole, passwords.Hash(password!), StaffPasswords.NewSecurityStamp(), true, 0, null, time.GetUtcNow(), null);
        try
        {
            await users.AddStaffUserAsync(user, ct);
        }
        catch (StaffUserExistsException)
        {
            throw new StaffChangeRefusedException(Text.UserExists(name));
        }

        logger.LogInformation("Staff user {UserName} created as {Role} by {Actor}", name, checkedRole, actor);
        await audit.RecordAsync(actor, StaffAuditActions.UserCreate, name, Text.UserCreatedAudit(checkedRole), ct);
        return user;
    }

    public async Task ChangeRoleAsync(string actor, string userName, string? role, CancellationToken ct)
    {
        string checkedRole = CheckRole(role);
        await _gate.WaitAsync(ct);
        try
        {
            StaffUser user = await FindAsync(userName, ct);
            if (user.Role == checkedRole)
            {
                return;
            }

            if (user.Role == StaffRoles.Admin && user.Enabled && await CountEnabledAdminsAsync(ct) <= 1)
            {
                throw new StaffChangeRefusedException(Text.LastAdminCannotChangeRole(user.UserName));
            }

            await users.SetStaffUserRoleAsync(user.UserName, checkedRole, ct);
            logger.LogInformation("Staff user {UserName} changed from {From} to {To} by {Actor}", user.UserName, user.Role, checkedRole, actor);
            await audit.RecordAsync(actor, StaffAuditActions.UserRole, user.UserName, $"{user.Role} → {checkedRole}", ct);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Sets a new password, lifts any lockout and ends the user's open sessions.</summary>
    public async Task ResetPasswordAsync(string actor, string userName, string? password, CancellationToken ct)
    {
        if (passwords.Problem(password) is { } problem)
        {
            throw new StaffChangeRefusedException(problem);
        }

        StaffUser user = await FindAsync(userName, ct);
        await users.SetStaffUserPasswordAsync(user.UserName, passwords.Hash(password!), StaffPasswords.NewSecurityStamp(), ct);
        lockout.ForgetUser(user.UserName);
        logger.LogInformation("Staff user {UserName}'s password reset by {Actor}", user.UserName, actor);
        await audit.RecordAsync(actor, StaffAuditActions.UserPasswordReset, user.UserName, Text.PasswordResetAudit, ct);
    }

    /// <summary>A user changes their own password, giving the current one; their other sessions end.</summary>
    /// <returns>The user as now stored, to sign the current session in again with the new security stamp.</returns>
    public async Task<StaffUser> ChangeOwnPasswordAsync(string userName, string? currentPassword, string? newPassword, CancellationToken ct)
    {
        StaffUser user = await FindAsync(userName, ct);
        if (!passwords.Verify(user.PasswordHash, currentPassword ?? "").Matches)
        {
            throw new StaffChangeRefusedException(Text.CurrentPasswordWrong);
        }

        if (passwords.Problem(newPassword) is { } problem)
        {
            throw new StaffChangeRefusedException(problem);
        }

        StaffUser changed = user with { PasswordHash = passwords.Hash(newPassword!), SecurityStamp = StaffPasswords.NewSecurityStamp() };
        await users.SetStaffUserPasswordAsync(user.UserName, changed.PasswordHash, changed.SecurityStamp, ct);
        logger.LogInformation("Staff user {UserName} changed their password", user.UserName);
        await audit.RecordAsync(user.UserName, StaffAuditActions.UserPasswordChange, user.UserName, Text.OwnPasswordChangedAudit, ct);
        return changed;
    }

    /// <summary>Disabling refuses sign-in and ends open sessions at their next request; enabling undoes it.</summary>
    public async Task SetEnabledAsync(string actor, string userName, bool enabled, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            StaffUser user = await FindAsync(userName, ct);
            if (user.Enabled == enabled)
            {
                return;
            }

            if (!enabled && string.Equals(user.UserName, StaffUserName.Normalise(actor), StringComparison.Ordinal))
            {
                throw new StaffChangeRefusedException(Text.CannotDisableOwnAccount);
            }

            if (!enabled && user.Role == StaffRoles.Admin && await CountEnabledAdminsAsync(ct) <= 1)
            {
                throw new StaffChangeRefusedException(Text.LastAdminCannotBeDisabled(user.UserName));
            }

            await users.SetStaffUserEnabledAsync(user.UserName, enabled, ct);
            logger.LogInformation("Staff user {UserName} {Change} by {Actor}", user.UserName, enabled ? "enabled" : "disabled", actor);
            await audit.RecordAsync(actor, enabled ? StaffAuditActions.UserEnable : StaffAuditActions.UserDisable, user.UserName, "", ct);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<StaffUser> FindAsync(string userName, CancellationToken ct) =>
        (StaffUserName.Normalise(userName) is { } name ? await users.FindStaffUserAsync(name, ct) : null)
        ?? throw new StaffChangeRefusedException(Text.NoSuchUser(userName));

    private async Task<int> CountEnabledAdminsAsync(CancellationToken ct) =>
        (await users.ListStaffUsersAsync(ct)).Count(user => user is { Role: StaffRoles.Admin, Enabled: true });

    private static string CheckRole(string? role) =>
        StaffRoles.IsKnown(role) ? role! : throw new StaffChangeRefusedException(Text.UnknownRole);
}

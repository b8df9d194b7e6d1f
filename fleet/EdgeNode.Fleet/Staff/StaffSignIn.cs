using EdgeNode.Fleet.Audit;

namespace EdgeNode.Fleet.Staff;

/// <summary>Checks a user name and password, counting wrong passwords and locking the user out after too many.</summary>
public sealed class StaffSignIn(IStaffUserStore users, StaffPasswords passwords, IAuditLog audit, StaffOptions options, TimeProvider time, ILogger<StaffSignIn> logger)
{
    public async Task<StaffSignInResult> SignInAsync(string? userName, string? password, CancellationToken ct)
    {
        password ??= "";
        string? name = StaffUserName.Normalise(userName);
        StaffUser? user = name is null ? null : await users.FindStaffUserAsync(name, ct);
        if (user is null)
        {
            passwords.SpendTheTimeOfAVerification(password);
            logger.LogInformation("Staff sign-in refused: unknown user {UserName}", Printable(userName));
            return new StaffSignInResult(StaffSignInOutcome.Refused);
        }

        DateTimeOffset now = time.GetUtcNow();
        if (user.LockedUntil is { } until && until > now)
        {
            logger.LogInformation("Staff sign-in refused: {UserName} is locked out until {Until:u}", user.UserName, until);
            return new StaffSignInResult(StaffSignInOutcome.LockedOut, LockedUntil: until);
        }

        (bool matches, bool needsRehash) = passwords.Verify(user.PasswordHash, password);
        if (!matches)
        {
            DateTimeOffset lockUntil = now + options.LockoutDuration;
            if (await users.RecordFailedSignInAsync(user.UserName, options.MaxFailedSignIns, lockUntil, ct))
            {
                logger.LogWarning(
                    "Staff user {UserName} locked out until {Until:u} after {Failures} wrong passwords", user.UserName, lockUntil, options.MaxFailedSignIns);
                await audit.RecordAsync(
                    AuditActors.System, StaffAuditActions.LockedOut, user.UserName, $"{options.MaxFailedSignIns} mots de passe erronés ; verrouillé jusqu'à {lockUntil:u}", ct);
                return new StaffSignInResult(StaffSignInOutcome.LockedOut, LockedUntil: lockUntil);
            }

            logger.LogInformation("Staff sign-in refused: wrong password for {UserName}", user.UserName);
            return new StaffSignInResult(StaffSignInOutcome.Refused);
        }

        if (!user.Enabled)
        {
            logger.LogInformation("Staff sign-in refused: {UserName} is disabled", user.UserName);
            return new StaffSignInResult(StaffSignInOutcome.Refused);
        }

        if (needsRehash)
        {
            // Same password, same stamp: only the hash's format changes, so open sessions stay valid.
            await users.SetStaffUserPasswordAsync(user.UserName, passwords.Hash(password), user.SecurityStamp, ct);
        }

        await users.RecordSignInAsync(user.UserName, now, ct);
        logger.LogInformation("Staff user {UserName} signed in ({Role})", user.UserName, user.Role);
        return new StaffSignInResult(StaffSignInOutcome.SignedIn, user with { FailedSignIns = 0, LockedUntil = null, LastSignInAt = now });
    }

    // A user name typed by anyone goes into the log: keep it short and on one line.
    private static string Printable(string? input)
    {
        string text = new((input ?? "").Take(64).Select(c => char.IsControl(c) ? '?' : c).ToArray());
        return text.Length == 0 ? "(empty)" : text;
    }
}

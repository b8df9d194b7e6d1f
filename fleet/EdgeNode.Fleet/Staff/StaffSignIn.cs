using EdgeNode.Fleet.Audit;
using EdgeNode.Fleet.Localisation;

namespace EdgeNode.Fleet.Staff;

/// <summary>
/// Checks a user name and password from a client address. Unknown name, wrong password, disabled user and a name locked
/// out from that address (<see cref="SignInLockout"/>) get the same refusal after the same work (one password
/// verification, against a decoy hash when there is no user), so that neither the answer nor its delay says which
/// accounts exist.
/// </summary>
public sealed class StaffSignIn(
    IStaffUserStore users, StaffPasswords passwords, SignInLockout lockout, IAuditLog audit, StaffOptions options, TimeProvider time, ILogger<StaffSignIn> logger)
{
    /// <param name="client">Who is signing in, as the rate limits count clients (<see cref="WebSecurity.ClientAddress.RateLimitKey"/>).</param>
    public async Task<StaffSignInResult> SignInAsync(string? userName, string? password, string client, CancellationToken ct)
    {
        password ??= "";
        string? name = StaffUserName.Normalise(userName);
        StaffUser? user = name is null ? null : await users.FindStaffUserAsync(name, ct);
        (bool matches, bool needsRehash) = (false, false);
        if (user is null)
        {
            passwords.SpendTheTimeOfAVerification(password);
        }
        else
        {
            (matches, needsRehash) = passwords.Verify(user.PasswordHash, password);
        }

        string key = name ?? Printable(userName);
        if (lockout.LockedUntil(key, client) is { } lockedUntil)
        {
            logger.LogInformation("Staff sign-in refused: {UserName} is locked out from {Client} until {Until:u}", key, client, lockedUntil);
            return Refused;
        }

        if (user is null || !matches || !user.Enabled)
        {
            string reason = user is null ? "unknown user" : !matches ? "wrong password" : "disabled user";
            if (lockout.RecordFailure(key, client) is { } until)
            {
                logger.LogWarning(
                    "Staff sign-in as {UserName} locked out from {Client} until {Until:u} after {Failures} failures ({Reason}); other addresses are not affected",
                    key, client, until, options.MaxFailedSignIns, reason);
                if (user is not null)
                {
                    await audit.RecordAsync(
                        AuditActors.System, StaffAuditActions.LockedOut, user.UserName,
                        StaffText.French.LockedOutAudit(options.MaxFailedSignIns, client, Monitoring.StaffTime.Format(until)), ct);
                }
            }
            else
            {
                logger.LogInformation("Staff sign-in refused: {Reason} {UserName} from {Client}", reason, key, client);
            }

            return Refused;
        }

        if (needsRehash)
        {
            // Same password, same stamp: only the hash's format changes, so open sessions stay valid.
            await users.SetStaffUserPasswordAsync(user.UserName, passwords.Hash(password), user.SecurityStamp, ct);
        }

        DateTimeOffset now = time.GetUtcNow();
        lockout.Forget(key, client);
        await users.RecordSignInAsync(user.UserName, now, ct);
        logger.LogInformation("Staff user {UserName} signed in ({Role})", user.UserName, user.Role);
        return new StaffSignInResult(StaffSignInOutcome.SignedIn, user with { FailedSignIns = 0, LockedUntil = null, LastSignInAt = now });
    }

    private static StaffSignInResult Refused { get; } = new(StaffSignInOutcome.Refused);

    // A user name typed by anyone goes into the log: keep it short and on one line.
    private static string Printable(string? input)
    {
        string text = new((input ?? "").Take(64).Select(c => char.IsControl(c) ? '?' : c).ToArray());
        return text.Length == 0 ? "(empty)" : text;
    }
}

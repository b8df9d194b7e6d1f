using EdgeNode.Fleet.Audit;
using EdgeNode.Fleet.Localisation;

namespace EdgeNode.Fleet.Staff;

/// <summary>
/// At start, when the fleet has no staff user at all, creates "admin" so that someone can sign in: with
/// Fleet:Staff:InitialAdminPassword when set, otherwise with a random password written once to the log. Runs after the
/// store's initialisation (registered after it); does nothing once any user exists.
/// </summary>
internal sealed class FirstAdminCreation(IStaffUserStore users, StaffPasswords passwords, IAuditLog audit, StaffOptions options, TimeProvider time, ILogger<FirstAdminCreation> logger)
    : IHostedService
{
    public const string UserName = "admin";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (await users.CountStaffUsersAsync(cancellationToken) > 0)
        {
            return;
        }

        bool given = options.InitialAdminPassword.Length > 0;
        if (given && passwords.Problem(options.InitialAdminPassword) is not null)
        {
            throw new InvalidOperationException(
                $"{StaffOptions.SectionName}:InitialAdminPassword is shorter than {passwords.MinLength} characters: set a longer one, or leave it empty for a random one.");
        }

        string password = given ? options.InitialAdminPassword : StaffPasswords.GenerateSecret();
        var admin = new StaffUser(UserName, StaffRoles.Admin, passwords.Hash(password), StaffPasswords.NewSecurityStamp(), true, 0, null, time.GetUtcNow(), null);
        try
        {
            await users.AddStaffUserAsync(admin, cancellationToken);
        }
        catch (StaffUserExistsException)
        {
            // Another fleet instance on the same database got there first; its log has the password.
            return;
        }

        if (given)
        {
            logger.LogWarning("First staff user created: sign in at /staff/login as {UserName} with the password of {Setting}", UserName, $"{StaffOptions.SectionName}:InitialAdminPassword");
        }
        else
        {
            // Shown once, on purpose: the operator has nowhere else to read it. It is not stored anywhere but as a hash.
            logger.LogWarning(
                "First staff user created: sign in at /staff/login as {UserName} with password {Password} (shown only this once; create named users, then disable or reset this one)",
                UserName, password);
        }

        await audit.RecordAsync(AuditActors.System, StaffAuditActions.UserCreate, UserName, StaffText.French.FirstAdminAudit, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

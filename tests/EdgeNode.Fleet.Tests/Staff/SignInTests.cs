using System.Net;
using System.Text.RegularExpressions;
using EdgeNode.Fleet.Staff;
using Microsoft.Extensions.Logging;

namespace EdgeNode.Fleet.Tests.Staff;

public sealed class SignInTests
{
    private static readonly IPAddress Attacker = IPAddress.Parse("203.0.113.66");
    private static readonly IPAddress Office = IPAddress.Parse("198.51.100.20");

    [Fact]
    public async Task Five_failures_from_one_address_lock_the_admin_out_from_there_only()
    {
        await using var fleet = new StaffFleet();
        using StaffClient attacker = fleet.Client(Attacker);

        for (int attempt = 1; attempt <= 5; attempt++)
        {
            using HttpResponseMessage wrong = await attacker.SignInAsync("admin", $"wrong password {attempt}");
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
            Assert.Contains("Nom d'utilisateur ou mot de passe incorrect", await StaffClient.TextAsync(wrong), StringComparison.Ordinal);
        }

        using HttpResponseMessage right = await attacker.SignInAsync("admin", StaffFleet.AdminPassword);
        using HttpResponseMessage staffPage = await attacker.GetAsync("/staff/audit");
        using StaffClient office = fleet.Client(Office);
        using HttpResponseMessage fromTheOffice = await office.SignInAsync("admin", StaffFleet.AdminPassword);

        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("Nom d'utilisateur ou mot de passe incorrect", await StaffClient.TextAsync(right), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, staffPage.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, fromTheOffice.StatusCode);
        Assert.Equal("/staff", fromTheOffice.Headers.Location!.OriginalString);
        Assert.Contains(await fleet.Audit.ReadAsync(10, null, default), entry => entry is { Action: StaffAuditActions.LockedOut, Target: "admin" });
        Assert.Single(fleet.Log.Lines, line => line.Level == LogLevel.Warning && line.Message.Contains("admin locked out from 203.0.113.66", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Unknown_user_wrong_password_and_locked_out_user_get_the_same_answer()
    {
        await using var fleet = new StaffFleet(new Dictionary<string, string> { ["Fleet:Staff:MaxFailedSignIns"] = "2" });
        await fleet.CreateUserAsync("lucie", StaffRoles.Technician, "lucie password 1");
        using StaffClient client = fleet.Client(Attacker);
        (await client.SignInAsync("lucie", "nope")).Dispose();
        (await client.SignInAsync("lucie", "nope again")).Dispose();

        using HttpResponseMessage unknown = await client.SignInAsync("nobody", "lucie password 1");
        using StaffClient office = fleet.Client(Office);
        using HttpResponseMessage wrong = await office.SignInAsync("lucie", "nope");
        using HttpResponseMessage lockedWrong = await client.SignInAsync("lucie", "nope, still");
        using HttpResponseMessage lockedRight = await client.SignInAsync("lucie", "lucie password 1");

        string expected = await ProblemAsync(unknown);
        Assert.StartsWith("Nom d'utilisateur ou mot de passe incorrect.", expected, StringComparison.Ordinal);
        Assert.DoesNotContain("verrouillé", expected, StringComparison.OrdinalIgnoreCase);
        foreach (HttpResponseMessage response in new[] { wrong, lockedWrong, lockedRight })
        {
            Assert.Equal(unknown.StatusCode, response.StatusCode);
            Assert.Equal(expected, await ProblemAsync(response));
        }
    }

    [Fact]
    public async Task Lockout_follows_the_settings_shows_on_the_users_page_and_a_password_reset_lifts_it()
    {
        await using var fleet = new StaffFleet(new Dictionary<string, string> { ["Fleet:Staff:MaxFailedSignIns"] = "2", ["Fleet:Staff:LockoutDuration"] = "01:00:00" });
        await fleet.CreateUserAsync("lucie", StaffRoles.Technician, "lucie password 1");
        using StaffClient lucie = fleet.Client(Office);
        (await lucie.SignInAsync("lucie", "nope")).Dispose();
        (await lucie.SignInAsync("lucie", "nope again")).Dispose();
        using HttpResponseMessage refused = await lucie.SignInAsync("lucie", "lucie password 1");

        string users;
        using (StaffClient admin = await fleet.SignedInAsync())
        {
            users = await admin.GetPageAsync("/staff/users");
            using HttpResponseMessage reset = await admin.PostFormAsync("/staff/users?handler=Password", ("userName", "lucie"), ("password", "lucie password 2"));
            Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        }

        using HttpResponseMessage again = await lucie.SignInAsync("lucie", "lucie password 2");

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Après 2 échecs", await ProblemAsync(refused), StringComparison.Ordinal);
        Assert.Contains("pendant 60 minutes", await ProblemAsync(refused), StringComparison.Ordinal);
        Assert.Matches("Actif ; connexion suspendue depuis 1 adresse jusqu'à \\d\\d/\\d\\d/\\d{4} \\d\\d:\\d\\d (CET|CEST|UTC)", users);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
    }

    [Fact]
    public async Task A_user_created_by_an_admin_can_sign_in_and_a_wrong_password_or_unknown_name_cannot()
    {
        await using var fleet = new StaffFleet();
        await fleet.CreateUserAsync("Nadia.Martin", StaffRoles.Technician, "nadia's long password");

        using StaffClient nadia = await fleet.SignedInAsync("nadia.martin", "nadia's long password");
        string audit = await nadia.GetPageAsync("/staff/audit");
        using StaffClient other = fleet.Client();
        using HttpResponseMessage wrong = await other.SignInAsync("nadia.martin", "nadia's wrong password");
        using HttpResponseMessage unknown = await other.SignInAsync("nobody", "nadia's long password");

        Assert.Contains("nadia.martin (Technicien)", audit, StringComparison.Ordinal);
        Assert.Contains("Nom d'utilisateur ou mot de passe incorrect", await StaffClient.TextAsync(wrong), StringComparison.Ordinal);
        Assert.Contains("Nom d'utilisateur ou mot de passe incorrect", await StaffClient.TextAsync(unknown), StringComparison.Ordinal);
    }

    /// <summary>The refusal's text on the login page ("" when there is none).</summary>
    internal static async Task<string> ProblemAsync(HttpResponseMessage response) =>
        Regex.Match(await StaffClient.TextAsync(response), "<p class=\"error\" role=\"alert\" id=\"probleme\">([^<]*)</p>").Groups[1].Value;

    [Fact]
    public async Task The_first_admin_gets_a_random_password_printed_once_and_is_not_created_again_on_restart()
    {
        await using var fleet = new StaffFleet(givenAdminPassword: false);
        _ = fleet.Services;

        var printed = fleet.Log.Lines.Where(line => line.Message.StartsWith("First staff user created", StringComparison.Ordinal)).ToList();
        Assert.Single(printed);
        Assert.Equal(LogLevel.Warning, printed[0].Level);
        string password = Regex.Match(printed[0].Message, "with password (\\S+) ").Groups[1].Value;
        Assert.True(password.Length >= 20, printed[0].Message);
        StaffUser created = (await fleet.Users.FindStaffUserAsync("admin", default))!;
        Assert.Equal(StaffRoles.Admin, created.Role);
        Assert.DoesNotContain(password, created.PasswordHash, StringComparison.Ordinal);

        await fleet.RestartAsync();

        Assert.DoesNotContain(fleet.Log.Lines, line => line.Message.Contains("First staff user created", StringComparison.Ordinal));
        Assert.DoesNotContain(fleet.Log.Lines, line => line.Message.Contains(password, StringComparison.Ordinal));
        Assert.Equal(1, await fleet.Users.CountStaffUsersAsync(default));
        Assert.Equal(created.PasswordHash, (await fleet.Users.FindStaffUserAsync("admin", default))!.PasswordHash);
        using StaffClient admin = await fleet.SignedInAsync("admin", password);
    }

    [Fact]
    public async Task The_first_admin_takes_the_password_from_the_settings_without_printing_it()
    {
        await using var fleet = new StaffFleet();
        _ = fleet.Services;

        Assert.Contains(fleet.Log.Lines, line => line.Level == LogLevel.Warning && line.Message.Contains("Fleet:Staff:InitialAdminPassword", StringComparison.Ordinal));
        Assert.DoesNotContain(fleet.Log.Lines, line => line.Message.Contains(StaffFleet.AdminPassword, StringComparison.Ordinal));
        using StaffClient admin = await fleet.SignedInAsync();
    }

    [Fact]
    public async Task A_return_url_outside_the_staff_panel_is_not_followed()
    {
        await using var fleet = new StaffFleet();
        using StaffClient client = fleet.Client();

        using HttpResponseMessage response = await client.PostFormAsync(
            "/staff/login", ("UserName", "admin"), ("Password", StaffFleet.AdminPassword), ("ReturnUrl", "https://evil.example/staff"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/staff", response.Headers.Location!.OriginalString);
    }
}

using System.Net;
using System.Text.RegularExpressions;
using EdgeNode.Fleet.Staff;
using Microsoft.Extensions.Logging;

namespace EdgeNode.Fleet.Tests.Staff;

public sealed class SignInTests
{
    [Fact]
    public async Task After_five_wrong_passwords_even_the_right_one_is_refused()
    {
        await using var fleet = new StaffFleet();
        using StaffClient client = fleet.Client();

        for (int attempt = 1; attempt <= 5; attempt++)
        {
            using HttpResponseMessage wrong = await client.SignInAsync("admin", $"wrong password {attempt}");
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
            Assert.Contains(attempt < 5 ? "incorrect" : "verrouillé", await StaffClient.TextAsync(wrong), StringComparison.Ordinal);
        }

        using HttpResponseMessage right = await client.SignInAsync("admin", StaffFleet.AdminPassword);
        using HttpResponseMessage staffPage = await client.GetAsync("/staff/audit");

        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("verrouillé jusqu'à", await StaffClient.TextAsync(right), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, staffPage.StatusCode);
        StaffUser admin = (await fleet.Users.FindStaffUserAsync("admin", default))!;
        Assert.True(admin.LockedUntil > DateTimeOffset.UtcNow.AddMinutes(14), $"Locked until {admin.LockedUntil}");
        Assert.Contains(await fleet.Audit.ReadAsync(10, null, default), entry => entry is { Action: StaffAuditActions.LockedOut, Target: "admin" });
        Assert.Contains(fleet.Log.Lines, line => line.Level == LogLevel.Warning && line.Message.Contains("admin locked out", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Lockout_follows_the_settings_and_a_password_reset_lifts_it()
    {
        await using var fleet = new StaffFleet(new Dictionary<string, string> { ["Fleet:Staff:MaxFailedSignIns"] = "2", ["Fleet:Staff:LockoutDuration"] = "01:00:00" });
        await fleet.CreateUserAsync("lucie", StaffRoles.Technician, "lucie password 1");
        using StaffClient lucie = fleet.Client();
        (await lucie.SignInAsync("lucie", "nope")).Dispose();
        (await lucie.SignInAsync("lucie", "nope again")).Dispose();

        StaffUser locked = (await fleet.Users.FindStaffUserAsync("lucie", default))!;
        using (StaffClient admin = await fleet.SignedInAsync())
        {
            using HttpResponseMessage reset = await admin.PostFormAsync("/staff/users?handler=Password", ("userName", "lucie"), ("password", "lucie password 2"));
            Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        }

        Assert.True(locked.LockedUntil > DateTimeOffset.UtcNow.AddMinutes(59), $"Locked until {locked.LockedUntil}");
        using StaffClient again = await fleet.SignedInAsync("lucie", "lucie password 2");
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

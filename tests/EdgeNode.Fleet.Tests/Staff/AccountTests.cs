using System.Net;
using EdgeNode.Fleet.Staff;

namespace EdgeNode.Fleet.Tests.Staff;

/// <summary>A staff user's own account: any role changes their own password, which ends their other sessions.</summary>
public sealed class AccountTests : IAsyncLifetime
{
    private readonly StaffFleet _fleet = new();

    public Task InitializeAsync() => _fleet.CreateUserAsync("vera", StaffRoles.Viewer, "vera's first password");

    public async Task DisposeAsync() => await _fleet.DisposeAsync();

    [Fact]
    public async Task A_viewer_changes_their_own_password_keeps_this_session_and_ends_the_others()
    {
        using StaffClient here = await _fleet.SignedInAsync("vera", "vera's first password");
        using StaffClient elsewhere = await _fleet.SignedInAsync("vera", "vera's first password");

        using HttpResponseMessage change = await here.PostFormAsync(
            "/staff/account", ("currentPassword", "vera's first password"), ("newPassword", "vera's second password"));
        using HttpResponseMessage stillHere = await here.GetAsync("/staff/audit");
        using HttpResponseMessage elsewhereNow = await elsewhere.GetAsync("/staff/audit");
        using StaffClient other = _fleet.Client();
        using HttpResponseMessage oldPassword = await other.SignInAsync("vera", "vera's first password");

        Assert.Equal(HttpStatusCode.Redirect, change.StatusCode);
        Assert.Equal(HttpStatusCode.OK, stillHere.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, elsewhereNow.StatusCode);
        Assert.Equal(HttpStatusCode.OK, oldPassword.StatusCode);
        using StaffClient again = await _fleet.SignedInAsync("vera", "vera's second password");
        Assert.Contains(await _fleet.Audit.ReadAsync(5, null, default), entry => entry is { Actor: "vera", Action: StaffAuditActions.UserPasswordChange, Target: "vera" });
    }

    [Fact]
    public async Task A_wrong_current_password_changes_nothing()
    {
        using StaffClient vera = await _fleet.SignedInAsync("vera", "vera's first password");
        string hash = (await _fleet.Users.FindStaffUserAsync("vera", default))!.PasswordHash;

        using HttpResponseMessage change = await vera.PostFormAsync(
            "/staff/account", ("currentPassword", "not my password"), ("newPassword", "vera's second password"));

        Assert.Equal(HttpStatusCode.BadRequest, change.StatusCode);
        Assert.Contains("mot de passe actuel est incorrect", await StaffClient.TextAsync(change), StringComparison.Ordinal);
        Assert.Equal(hash, (await _fleet.Users.FindStaffUserAsync("vera", default))!.PasswordHash);
    }

    [Fact]
    public async Task Staff_pages_are_never_cached_or_sniffed()
    {
        using StaffClient vera = await _fleet.SignedInAsync("vera", "vera's first password");

        foreach (string path in new[] { "/staff/login", "/staff/audit", "/staff/account" })
        {
            using HttpResponseMessage response = await (path == "/staff/login" ? _fleet.Client() : vera).GetAsync(path);
            Assert.Contains("no-store", response.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
            Assert.Equal(["nosniff"], response.Headers.GetValues("X-Content-Type-Options"));
        }
    }
}

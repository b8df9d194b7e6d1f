using System.Net;
using EdgeNode.Fleet.Audit;
using EdgeNode.Fleet.Staff;

namespace EdgeNode.Fleet.Tests.Staff;

/// <summary>An admin's changes to users, through the users page: made, audited, and felt at once by the user's open session.</summary>
public sealed class UserAdministrationTests : IAsyncLifetime
{
    private readonly StaffFleet _fleet = new();
    private StaffClient _admin = null!;

    public async Task InitializeAsync() => _admin = await _fleet.SignedInAsync();

    public async Task DisposeAsync()
    {
        _admin.Dispose();
        await _fleet.DisposeAsync();
    }

    [Fact]
    public async Task Every_change_to_a_user_is_in_the_audit_log_newest_first()
    {
        await Post("Create", ("userName", "paul"), ("role", StaffRoles.Viewer), ("password", "paul's password 1"));
        await Post("Role", ("userName", "paul"), ("role", StaffRoles.Technician));
        await Post("Password", ("userName", "paul"), ("password", "paul's password 2"));
        await Post("Disable", ("userName", "paul"));
        await Post("Enable", ("userName", "paul"));

        IReadOnlyList<AuditEntry> entries = await _fleet.Audit.ReadAsync(5, null, default);
        string page = await _admin.GetPageAsync("/staff/audit");

        Assert.Equal(
            [StaffAuditActions.UserEnable, StaffAuditActions.UserDisable, StaffAuditActions.UserPasswordReset, StaffAuditActions.UserRole, StaffAuditActions.UserCreate],
            entries.Select(entry => entry.Action));
        Assert.All(entries, entry => Assert.Equal(("admin", "paul"), (entry.Actor, entry.Target)));
        Assert.Equal("viewer → technician", entries[3].Details);
        Assert.All(entries, entry => Assert.DoesNotContain("password 2", entry.Details, StringComparison.Ordinal));
        Assert.True(page.IndexOf("user.enable", StringComparison.Ordinal) < page.IndexOf("user.create", StringComparison.Ordinal), "The audit page is not newest first");
    }

    [Fact]
    public async Task Disabling_a_user_ends_their_open_session_and_refuses_their_sign_in()
    {
        await Post("Create", ("userName", "denise"), ("role", StaffRoles.Technician), ("password", "denise password"));
        using StaffClient denise = await _fleet.SignedInAsync("denise", "denise password");

        await Post("Disable", ("userName", "denise"));
        using HttpResponseMessage session = await denise.GetAsync("/staff/audit");
        using StaffClient again = _fleet.Client();
        using HttpResponseMessage signIn = await again.SignInAsync("denise", "denise password");

        Assert.Equal(HttpStatusCode.Redirect, session.StatusCode);
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        Assert.Contains("incorrect", await StaffClient.TextAsync(signIn), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_role_change_applies_to_the_open_session_at_its_next_request()
    {
        await Post("Create", ("userName", "rose"), ("role", StaffRoles.Admin), ("password", "rose password 1"));
        using StaffClient rose = await _fleet.SignedInAsync("rose", "rose password 1");
        Assert.Equal(HttpStatusCode.OK, (await rose.GetAsync("/staff/users")).StatusCode);

        await Post("Role", ("userName", "rose"), ("role", StaffRoles.Viewer));

        Assert.Equal(HttpStatusCode.Forbidden, (await rose.GetAsync("/staff/users")).StatusCode);
    }

    [Fact]
    public async Task The_last_enabled_admin_cannot_be_demoted_or_disabled_and_nobody_disables_themselves()
    {
        using HttpResponseMessage demote = await _admin.PostFormAsync("/staff/users?handler=Role", ("userName", "admin"), ("role", StaffRoles.Viewer));
        using HttpResponseMessage disable = await _admin.PostFormAsync("/staff/users?handler=Disable", ("userName", "admin"));

        Assert.Equal(HttpStatusCode.BadRequest, demote.StatusCode);
        Assert.Contains("dernier administrateur", await StaffClient.TextAsync(demote), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, disable.StatusCode);
        StaffUser admin = (await _fleet.Users.FindStaffUserAsync("admin", default))!;
        Assert.Equal((StaffRoles.Admin, true), (admin.Role, admin.Enabled));
    }

    [Theory]
    [InlineData("bad name", StaffRoles.Viewer, "long enough password")]
    [InlineData("short", StaffRoles.Viewer, "too short")]
    [InlineData("unknownrole", "superuser", "long enough password")]
    [InlineData("admin", StaffRoles.Viewer, "long enough password")]
    public async Task A_refused_creation_says_why_and_creates_nothing(string userName, string role, string password)
    {
        int before = await _fleet.Users.CountStaffUsersAsync(default);

        using HttpResponseMessage response = await _admin.PostFormAsync("/staff/users?handler=Create", ("userName", userName), ("role", role), ("password", password));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("role=\"alert\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await _fleet.Users.CountStaffUsersAsync(default));
    }

    private async Task Post(string handler, params (string, string)[] fields)
    {
        using HttpResponseMessage response = await _admin.PostFormAsync($"/staff/users?handler={handler}", fields);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{handler} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }
}

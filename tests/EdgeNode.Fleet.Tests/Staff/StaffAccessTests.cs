using System.Net;
using EdgeNode.Fleet.Staff;

namespace EdgeNode.Fleet.Tests.Staff;

/// <summary>Who may reach what under /staff: every page found in the fleet's endpoints, not a list kept by hand.</summary>
public sealed class StaffAccessTests : IAsyncLifetime
{
    private readonly StaffFleet _fleet = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _fleet.DisposeAsync();

    [Fact]
    public async Task Only_the_login_page_is_open_to_anonymous_visitors()
    {
        IReadOnlyList<StaffEndpoint> endpoints = await StaffEndpoint.AllAsync(_fleet.Services);

        Assert.Equal(["/Staff/Login"], endpoints.Where(endpoint => endpoint.AllowsAnonymous).Select(endpoint => endpoint.ViewEnginePath));
    }

    [Fact]
    public async Task Every_staff_page_and_post_handler_sends_an_anonymous_visitor_to_the_login_page()
    {
        using StaffClient anonymous = _fleet.Client();
        var failures = new List<string>();
        foreach (StaffEndpoint endpoint in (await StaffEndpoint.AllAsync(_fleet.Services)).Where(endpoint => !endpoint.AllowsAnonymous))
        {
            using (HttpResponseMessage get = await anonymous.GetAsync(endpoint.Path))
            {
                Check(failures, "GET " + endpoint.Path, get);
            }

            foreach (string url in endpoint.PostUrls)
            {
                // With a valid token, so that it is authorization, not antiforgery, that refuses.
                using HttpResponseMessage post = await anonymous.PostFormAsync(url, ("userName", "admin"), ("role", "viewer"));
                Check(failures, "POST " + url, post);
            }
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));

        static void Check(List<string> failures, string request, HttpResponseMessage response)
        {
            bool toLogin = response.StatusCode == HttpStatusCode.Redirect
                && response.Headers.Location?.OriginalString.Contains("/staff/login", StringComparison.OrdinalIgnoreCase) == true;
            if (!toLogin && response.StatusCode is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden))
            {
                failures.Add($"{request}: {(int)response.StatusCode} {response.Headers.Location}");
            }
        }
    }

    [Fact]
    public async Task Every_staff_post_handler_refuses_a_viewer_with_403_and_changes_nothing()
    {
        await _fleet.CreateUserAsync("valerie", StaffRoles.Viewer, "viewer password 1");
        using StaffClient viewer = await _fleet.SignedInAsync("valerie", "viewer password 1");
        int auditBefore = (await _fleet.Audit.ReadAsync(1_000, null, default)).Count;
        var failures = new List<string>();
        int tried = 0;

        foreach (StaffEndpoint endpoint in (await StaffEndpoint.AllAsync(_fleet.Services)).Where(endpoint => !endpoint.AllowsAnonymous && !endpoint.SelfService))
        {
            foreach (string url in endpoint.PostUrls)
            {
                tried++;
                using HttpResponseMessage post = await viewer.PostFormAsync(
                    url, ("userName", "valerie"), ("role", StaffRoles.Admin), ("password", "a new password 1"));
                if (post.StatusCode != HttpStatusCode.Forbidden)
                {
                    failures.Add($"POST {url}: {(int)post.StatusCode} {post.Headers.Location}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
        Assert.True(tried >= 5, $"Only {tried} staff POST handlers found");
        Assert.Equal(StaffRoles.Viewer, (await _fleet.Users.FindStaffUserAsync("valerie", default))!.Role);
        Assert.Equal(auditBefore, (await _fleet.Audit.ReadAsync(1_000, null, default)).Count);
    }

    [Fact]
    public async Task A_viewer_reads_the_audit_log_but_not_the_users_page_and_may_sign_out()
    {
        await _fleet.CreateUserAsync("victor", StaffRoles.Viewer, "viewer password 2");
        using StaffClient viewer = await _fleet.SignedInAsync("victor", "viewer password 2");

        using HttpResponseMessage audit = await viewer.GetAsync("/staff/audit");
        using HttpResponseMessage users = await viewer.GetAsync("/staff/users");
        using HttpResponseMessage signOut = await viewer.PostFormAsync("/staff/logout");
        using HttpResponseMessage afterwards = await viewer.GetAsync("/staff/audit");

        Assert.Equal(HttpStatusCode.OK, audit.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, users.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, afterwards.StatusCode);
        Assert.Contains("/staff/login", afterwards.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_technician_reads_the_audit_log_but_cannot_manage_users()
    {
        await _fleet.CreateUserAsync("theo", StaffRoles.Technician, "technician password");
        using StaffClient technician = await _fleet.SignedInAsync("theo", "technician password");

        using HttpResponseMessage audit = await technician.GetAsync("/staff/audit");
        using HttpResponseMessage create = await technician.PostFormAsync(
            "/staff/users?handler=Create", ("userName", "mallory"), ("role", StaffRoles.Admin), ("password", "mallory password"));

        Assert.Equal(HttpStatusCode.OK, audit.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
        Assert.Null(await _fleet.Users.FindStaffUserAsync("mallory", default));
    }

    [Fact]
    public async Task A_post_without_its_antiforgery_token_is_refused_with_400()
    {
        using StaffClient anonymous = _fleet.Client();
        await anonymous.TokenAsync();
        using HttpResponseMessage login = await anonymous.PostFormWithoutTokenAsync("/staff/login", ("UserName", "admin"), ("Password", StaffFleet.AdminPassword));
        using StaffClient admin = await _fleet.SignedInAsync();
        using HttpResponseMessage create = await admin.PostFormWithoutTokenAsync(
            "/staff/users?handler=Create", ("userName", "eve"), ("role", StaffRoles.Admin), ("password", "eve's password"));

        Assert.Equal(HttpStatusCode.BadRequest, login.StatusCode);
        Assert.DoesNotContain(login.Headers.TryGetValues("Set-Cookie", out IEnumerable<string>? cookies) ? cookies : [], cookie => cookie.StartsWith("EdgeNode.Staff=", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.BadRequest, create.StatusCode);
        Assert.Null(await _fleet.Users.FindStaffUserAsync("eve", default));
    }
}

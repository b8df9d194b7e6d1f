using System.Net;
using EdgeNode.Fleet.Tests.Staff;

namespace EdgeNode.Fleet.Tests.WebSecurity;

/// <summary>
/// The Host header is the client's to write: no redirect of the fleet may send a browser to the host it names (a
/// look-alike login page behind a poisoned cache or a crafted link). Redirects are paths on the site the browser asked.
/// </summary>
public sealed class ForgedHostTests : IAsyncLifetime
{
    private static readonly Uri Forged = new("http://evil.example");

    private readonly StaffFleet _fleet = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _fleet.DisposeAsync();

    [Fact]
    public async Task The_redirect_to_the_login_page_is_a_path_whatever_the_Host_header_says()
    {
        using StaffClient client = _fleet.Client(Forged);

        using HttpResponseMessage response = await client.GetAsync("/staff/alerts?x=1");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Uri location = response.Headers.Location!;
        Assert.False(location.IsAbsoluteUri, $"absolute redirect to {location}");
        Assert.Equal("/staff/login?ReturnUrl=%2Fstaff%2Falerts%3Fx%3D1", location.OriginalString);
    }

    [Fact]
    public async Task No_staff_page_or_sign_in_or_sign_out_redirects_to_the_forged_host()
    {
        using StaffClient anonymous = _fleet.Client(Forged);
        var absolute = new List<string>();
        foreach (StaffEndpoint endpoint in await StaffEndpoint.AllAsync(_fleet.Services))
        {
            using HttpResponseMessage get = await anonymous.GetAsync(endpoint.Path);
            Note(absolute, "GET " + endpoint.Path, get);
        }

        using HttpResponseMessage signIn = await anonymous.SignInAsync("admin", StaffFleet.AdminPassword);
        Note(absolute, "POST /staff/login", signIn);
        using HttpResponseMessage signOut = await anonymous.PostFormAsync("/staff/logout");
        Note(absolute, "POST /staff/logout", signOut);

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.True(absolute.Count == 0, string.Join('\n', absolute));

        static void Note(List<string> absolute, string request, HttpResponseMessage response)
        {
            if (response.Headers.Location is { } location
                && (location.IsAbsoluteUri || location.OriginalString.Contains("evil.example", StringComparison.OrdinalIgnoreCase)))
            {
                absolute.Add($"{request}: {(int)response.StatusCode} to {location}");
            }
        }
    }

    [Theory]
    [InlineData("http://evil.example/staff/login?ReturnUrl=%2Fstaff", "/staff/login?ReturnUrl=%2Fstaff")]
    [InlineData("/staff/login?ReturnUrl=%2Fstaff", "/staff/login?ReturnUrl=%2Fstaff")]
    [InlineData("//evil.example/staff/login", "/staff/login")]
    [InlineData("javascript:alert(1)", "/staff/login")]
    public void A_redirect_target_keeps_only_its_path(string target, string expected) =>
        Assert.Equal(expected, Fleet.Staff.StaffCookieEvents.PathOnly(target));
}

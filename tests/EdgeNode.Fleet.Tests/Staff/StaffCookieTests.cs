using System.Net;

namespace EdgeNode.Fleet.Tests.Staff;

/// <summary>
/// The session and antiforgery cookies: HttpOnly always, Secure whenever the request came over HTTPS (so plain HTTP on
/// a developer's machine still works), SameSite=Lax for the session (links from e-mails) and Strict for antiforgery.
/// </summary>
public sealed class StaffCookieTests : IAsyncLifetime
{
    private readonly StaffFleet _fleet = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _fleet.DisposeAsync();

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task The_cookies_are_Secure_exactly_when_the_request_is_HTTPS(bool https)
    {
        using StaffClient client = _fleet.Client(https: https);

        using HttpResponseMessage login = await client.GetAsync("/staff/login");
        string antiforgery = Assert.Single(SetCookies(login), cookie => cookie.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal));
        using HttpResponseMessage signedIn = await client.SignInAsync("admin", StaffFleet.AdminPassword);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        string session = Assert.Single(SetCookies(signedIn), cookie => cookie.StartsWith("EdgeNode.Staff=", StringComparison.Ordinal));

        Assert.Equal(https, Attributes(antiforgery).Contains("secure"));
        Assert.Equal(https, Attributes(session).Contains("secure"));
        Assert.Contains("httponly", Attributes(antiforgery));
        Assert.Contains("httponly", Attributes(session));
        Assert.Contains("samesite=strict", Attributes(antiforgery));
        Assert.Contains("samesite=lax", Attributes(session));
    }

    private static IEnumerable<string> SetCookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out IEnumerable<string>? cookies) ? cookies : [];

    private static HashSet<string> Attributes(string setCookie) =>
        new(setCookie.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(a => a.ToLowerInvariant()), StringComparer.Ordinal);
}

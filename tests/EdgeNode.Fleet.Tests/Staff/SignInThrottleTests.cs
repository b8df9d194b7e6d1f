using System.Net;
using EdgeNode.Fleet.Staff;
using Microsoft.Extensions.Logging;

namespace EdgeNode.Fleet.Tests.Staff;

/// <summary>
/// Sign-in attempts per client address (Fleet:Staff:SignInLimitPerClient per SignInLimitWindow, default 10 per 5
/// minutes), beside the per-user lockout: past the limit the login form's POST is 429 with Retry-After and a French
/// page saying when to try again, even with the right password; other addresses sign in as before.
/// </summary>
public sealed class SignInThrottleTests
{
    private static readonly IPAddress Sprayer = IPAddress.Parse("198.51.100.7");
    private static readonly IPAddress Colleague = IPAddress.Parse("198.51.100.8");

    [Fact]
    public async Task The_eleventh_sign_in_from_one_address_in_five_minutes_is_429_and_says_when_to_try_again_while_another_address_signs_in()
    {
        await using var fleet = new StaffFleet();
        using StaffClient sprayer = fleet.Client(Sprayer);

        // One password over ten user names: no user gets near the lockout.
        for (int attempt = 1; attempt <= 10; attempt++)
        {
            using HttpResponseMessage wrong = await sprayer.SignInAsync($"agent{attempt}", "Printemps2026!");
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }

        using HttpResponseMessage refused = await sprayer.SignInAsync("admin", StaffFleet.AdminPassword);
        using HttpResponseMessage refusedAgain = await sprayer.SignInAsync("agent11", "Printemps2026!");
        using HttpResponseMessage form = await sprayer.GetAsync("/staff/login");
        using StaffClient colleague = fleet.Client(Colleague);
        using HttpResponseMessage colleagueSignsIn = await colleague.SignInAsync("admin", StaffFleet.AdminPassword);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(TimeSpan.FromMinutes(5), refused.Headers.RetryAfter?.Delta);
        Assert.Equal("text/html", refused.Content.Headers.ContentType?.MediaType);
        string page = await StaffClient.TextAsync(refused);
        Assert.Contains("<html lang=\"fr\">", page, StringComparison.Ordinal);
        Assert.Contains("Trop de tentatives de connexion", page, StringComparison.Ordinal);
        Assert.Contains("Réessayez dans 5 minutes", page, StringComparison.Ordinal);
        Assert.Matches("à partir de \\d\\d:\\d\\d (CET|CEST|UTC)", page);
        WebSecurity.SecurityHeadersAssert.Carries(refused, "'self' data:");
        WebSecurity.SecurityHeadersAssert.HasNoInlineCode(page, "the 429 page");
        Assert.Equal(HttpStatusCode.TooManyRequests, refusedAgain.StatusCode);
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, colleagueSignsIn.StatusCode);
        Assert.Null((await fleet.Users.FindStaffUserAsync("admin", default))!.LockedUntil);
        var warnings = fleet.Log.Lines.Where(line => line.Level == LogLevel.Warning && line.Message.Contains("throttled", StringComparison.Ordinal)).ToList();
        Assert.Single(warnings);
        Assert.Contains("198.51.100.7", warnings[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_limit_and_window_follow_the_settings()
    {
        await using var fleet = new StaffFleet(new Dictionary<string, string>
        {
            ["Fleet:Staff:SignInLimitPerClient"] = "2",
            ["Fleet:Staff:SignInLimitWindow"] = "01:00:00",
        });
        using StaffClient client = fleet.Client(Sprayer);

        using HttpResponseMessage first = await client.SignInAsync("admin", "wrong 1");
        using HttpResponseMessage second = await client.SignInAsync("admin", "wrong 2");
        using HttpResponseMessage third = await client.SignInAsync("admin", "wrong 3");

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], [first.StatusCode, second.StatusCode, third.StatusCode]);
        Assert.Equal(TimeSpan.FromHours(1), third.Headers.RetryAfter?.Delta);
        Assert.Contains("Réessayez dans 60 minutes", await StaffClient.TextAsync(third), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Fleet:Staff:SignInLimitPerClient", "0")]
    [InlineData("Fleet:Staff:SignInLimitWindow", "00:00:00")]
    public async Task A_limit_that_would_refuse_everyone_stops_the_start(string setting, string value)
    {
        await using var fleet = new StaffFleet(new Dictionary<string, string> { [setting] = value });

        Exception failure = Assert.ThrowsAny<Exception>(() => fleet.Services);

        Assert.Contains(setting, failure.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Behind_a_trusted_proxy_each_client_has_its_own_budget_and_a_stranger_cannot_spoof_one()
    {
        await using var fleet = new StaffFleet(new Dictionary<string, string>
        {
            ["Fleet:Web:TrustedProxies"] = "10.0.0.1",
            ["Fleet:Staff:SignInLimitPerClient"] = "2",
        });
        IPAddress proxy = IPAddress.Parse("10.0.0.1");

        Assert.Equal(HttpStatusCode.OK, await SignInAsync(fleet, proxy, "198.51.100.1", "wrong"));
        Assert.Equal(HttpStatusCode.OK, await SignInAsync(fleet, proxy, "198.51.100.1", "wrong"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await SignInAsync(fleet, proxy, "198.51.100.1", StaffFleet.AdminPassword));
        Assert.Equal(HttpStatusCode.Redirect, await SignInAsync(fleet, proxy, "198.51.100.2", StaffFleet.AdminPassword));

        Assert.Equal(HttpStatusCode.OK, await SignInAsync(fleet, Sprayer, "192.0.2.1", "wrong"));
        Assert.Equal(HttpStatusCode.OK, await SignInAsync(fleet, Sprayer, "192.0.2.2", "wrong"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await SignInAsync(fleet, Sprayer, "192.0.2.3", StaffFleet.AdminPassword));
    }

    private static async Task<HttpStatusCode> SignInAsync(StaffFleet fleet, IPAddress connection, string forwardedFor, string password)
    {
        using StaffClient client = fleet.Client(connection);
        client.Http.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
        using HttpResponseMessage response = await client.SignInAsync("admin", password);
        return response.StatusCode;
    }
}

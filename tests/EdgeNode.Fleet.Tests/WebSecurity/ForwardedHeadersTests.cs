using System.Net;
using EdgeNode.Fleet.Tests.Public;
using EdgeNode.Fleet.Tests.Staff;

namespace EdgeNode.Fleet.Tests.WebSecurity;

/// <summary>
/// X-Forwarded-For and X-Forwarded-Proto count only from the proxies in Fleet:Web:TrustedProxies (loopback by default):
/// from anyone else they change nothing, so a client cannot spoof its way out of a per-client limit; from a trusted
/// proxy each client behind it has its own budget, and HTTPS at the proxy makes the cookies Secure.
/// </summary>
public sealed class ForwardedHeadersTests
{
    private static readonly IPAddress Proxy = IPAddress.Parse("10.0.0.1");
    private static readonly IPAddress Stranger = IPAddress.Parse("203.0.113.7");

    [Fact]
    public async Task A_spoofed_X_Forwarded_For_from_an_untrusted_address_does_not_escape_the_limit()
    {
        await using PublicSite site = LimitedSite(trustedProxies: "10.0.0.1");
        using HttpClient stranger = site.CreateClient(Stranger);

        Assert.Equal(HttpStatusCode.OK, await OpenDataAsync(stranger, "198.51.100.1"));
        Assert.Equal(HttpStatusCode.OK, await OpenDataAsync(stranger, "198.51.100.2"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await OpenDataAsync(stranger, "198.51.100.3"));
    }

    [Fact]
    public async Task Behind_a_trusted_proxy_two_forwarded_clients_have_separate_budgets()
    {
        await using PublicSite site = LimitedSite(trustedProxies: "10.0.0.1");
        using HttpClient proxy = site.CreateClient(Proxy);

        Assert.Equal(HttpStatusCode.OK, await OpenDataAsync(proxy, "198.51.100.1"));
        Assert.Equal(HttpStatusCode.OK, await OpenDataAsync(proxy, "198.51.100.1"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await OpenDataAsync(proxy, "198.51.100.1"));
        Assert.Equal(HttpStatusCode.OK, await OpenDataAsync(proxy, "198.51.100.2"));

        // What the client wrote itself comes first; the proxy appends the address it saw, which is the one that counts.
        Assert.Equal(HttpStatusCode.TooManyRequests, await OpenDataAsync(proxy, "192.0.2.99, 198.51.100.1"));
    }

    [Fact]
    public async Task By_default_only_a_proxy_on_the_same_machine_is_trusted()
    {
        await using PublicSite site = LimitedSite(trustedProxies: null);
        using HttpClient local = site.CreateClient(IPAddress.Loopback);
        using HttpClient localIpv6 = site.CreateClient(IPAddress.IPv6Loopback);
        using HttpClient stranger = site.CreateClient(Stranger);

        // Three clients through each loopback address, with a budget of two each: every forwarded address counts for itself.
        foreach (HttpClient proxy in new[] { local, localIpv6 })
        {
            Assert.Equal(HttpStatusCode.OK, await OpenDataAsync(proxy, "198.51.100.1"));
            Assert.Equal(HttpStatusCode.OK, await OpenDataAsync(proxy, "198.51.100.2"));
            Assert.Equal(HttpStatusCode.OK, await OpenDataAsync(proxy, "198.51.100.3"));
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, await OpenDataAsync(local, "198.51.100.3"));
        Assert.Equal(HttpStatusCode.OK, await OpenDataAsync(stranger, "198.51.100.4"));
        Assert.Equal(HttpStatusCode.OK, await OpenDataAsync(stranger, "198.51.100.5"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await OpenDataAsync(stranger, "198.51.100.6"));
    }

    [Theory]
    [InlineData("10.0.0.1")]
    [InlineData("")]
    public async Task A_configured_list_replaces_loopback_and_an_empty_one_trusts_nobody(string trustedProxies)
    {
        await using PublicSite site = LimitedSite(trustedProxies);
        using HttpClient local = site.CreateClient(IPAddress.Loopback);

        Assert.Equal(HttpStatusCode.OK, await OpenDataAsync(local, "198.51.100.1"));
        Assert.Equal(HttpStatusCode.OK, await OpenDataAsync(local, "198.51.100.2"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await OpenDataAsync(local, "198.51.100.3"));
    }

    [Fact]
    public async Task Proxies_may_be_given_as_a_list_and_as_networks()
    {
        await using PublicSite site = new(new Dictionary<string, string>
        {
            ["Fleet:Web:TrustedProxies:0"] = "192.0.2.1",
            ["Fleet:Web:TrustedProxies:1"] = "10.0.0.0/24",
            ["Fleet:Web:RateLimitPermits"] = "1",
            ["Fleet:Web:RateLimitWindowSeconds"] = "600",
        });
        using HttpClient proxy = site.CreateClient(IPAddress.Parse("10.0.0.200"));

        Assert.Equal(HttpStatusCode.OK, await OpenDataAsync(proxy, "198.51.100.1"));
        Assert.Equal(HttpStatusCode.OK, await OpenDataAsync(proxy, "198.51.100.2"));
    }

    [Fact]
    public async Task A_proxy_entry_that_is_not_an_address_stops_the_start()
    {
        await using PublicSite site = new(new Dictionary<string, string> { ["Fleet:Web:TrustedProxies"] = "10.0.0.1, proxy.mairie.local" });

        Exception failure = Assert.ThrowsAny<Exception>(() => site.Services);

        Assert.Contains("Fleet:Web:TrustedProxies", failure.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HTTPS_at_a_trusted_proxy_makes_the_session_cookie_Secure_and_a_strangers_claim_does_not()
    {
        await using var fleet = new StaffFleet(new Dictionary<string, string> { ["Fleet:Web:TrustedProxies"] = "10.0.0.1" });

        Assert.Contains("secure", await SessionCookieAsync(fleet, Proxy), StringComparison.Ordinal);
        Assert.DoesNotContain("secure", await SessionCookieAsync(fleet, Stranger), StringComparison.Ordinal);
    }

    private static PublicSite LimitedSite(string? trustedProxies)
    {
        var settings = new Dictionary<string, string>
        {
            ["Fleet:Web:RateLimitPermits"] = "2",
            ["Fleet:Web:RateLimitWindowSeconds"] = "600",
        };
        if (trustedProxies is not null)
        {
            settings["Fleet:Web:TrustedProxies"] = trustedProxies;
        }

        return new PublicSite(settings);
    }

    private static async Task<HttpStatusCode> OpenDataAsync(HttpClient client, string forwardedFor)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/open/v1/nodes", UriKind.Relative));
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        using HttpResponseMessage response = await client.SendAsync(request);
        return response.StatusCode;
    }

    private static async Task<string> SessionCookieAsync(StaffFleet fleet, IPAddress from)
    {
        using StaffClient client = fleet.Client(from);
        // The token first, over what stays plain HTTP: a Secure antiforgery cookie would not come back to http://localhost.
        string token = await client.TokenAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/staff/login", UriKind.Relative))
        {
            Content = new FormUrlEncodedContent([new("UserName", "admin"), new("Password", StaffFleet.AdminPassword), new("__RequestVerificationToken", token)]),
        };
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-For", "198.51.100.1");
        using HttpResponseMessage response = await client.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return Assert.Single(response.Headers.GetValues("Set-Cookie"), cookie => cookie.StartsWith("EdgeNode.Staff=", StringComparison.Ordinal)).ToLowerInvariant();
    }
}

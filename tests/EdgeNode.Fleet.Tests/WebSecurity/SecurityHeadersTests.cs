using System.Net;
using EdgeNode.Fleet.Registry;
using EdgeNode.Fleet.Tests.Public;
using EdgeNode.Fleet.Tests.Staff;
using Microsoft.Extensions.DependencyInjection;

namespace EdgeNode.Fleet.Tests.WebSecurity;

/// <summary>
/// Every kind of response (public pages, open data, static files, a 404, a 429, the staff login and every staff page
/// signed in) carries the Content-Security-Policy, with the configured tile server, and the other security headers;
/// the HTML pages have nothing inline that the policy would block.
/// </summary>
public sealed class SecurityHeadersTests : IAsyncLifetime
{
    private const string ImagesWithOsm = "'self' data: https://*.tile.openstreetmap.org";

    private readonly PublicSite _site = new(new Dictionary<string, string>
    {
        ["Fleet:Web:MapTileUrl"] = SecurityHeadersAssert.OsmTiles,
        ["Fleet:Web:RateLimitPermits"] = "12",
    });

    public async Task InitializeAsync()
    {
        await _site.EnrolAsync("ecole-1", "École", "Saint-Jean");
        await _site.CommitWindowsAsync("ecole-1", "pm25_ugm3", 3.2);
    }

    public async Task DisposeAsync() => await _site.DisposeAsync();

    [Fact]
    public async Task Every_public_response_carries_the_headers_and_the_pages_have_no_inline_code()
    {
        using HttpClient client = _site.CreateClient();
        (string Path, HttpStatusCode Status, bool Html)[] responses =
        [
            ("/", HttpStatusCode.OK, true),
            ("/commune/saint-jean", HttpStatusCode.OK, true),
            ("/capteur/ecole-1", HttpStatusCode.OK, true),
            ("/commune/nulle-part", HttpStatusCode.NotFound, false),
            ("/api/open/v1/nodes", HttpStatusCode.OK, false),
            ("/css/public.css", HttpStatusCode.OK, false),
            ("/js/carte.js", HttpStatusCode.OK, false),
            ("/health", HttpStatusCode.OK, false),
        ];

        foreach ((string path, HttpStatusCode status, bool html) in responses)
        {
            using HttpResponseMessage response = await client.GetAsync(new Uri(path, UriKind.Relative));
            Assert.True(response.StatusCode == status, $"GET {path} answered {(int)response.StatusCode}");
            SecurityHeadersAssert.Carries(response, ImagesWithOsm);
            if (html)
            {
                SecurityHeadersAssert.HasNoInlineCode(await response.Content.ReadAsStringAsync(), path);
            }
        }

        HttpResponseMessage? refused = null;
        for (int i = 0; i < 20 && refused is null; i++)
        {
            HttpResponseMessage response = await client.GetAsync(new Uri("/api/open/v1/nodes", UriKind.Relative));
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                refused = response;
            }
            else
            {
                response.Dispose();
            }
        }

        Assert.NotNull(refused);
        using (refused)
        {
            SecurityHeadersAssert.Carries(refused, ImagesWithOsm);
        }
    }

    [Fact]
    public async Task The_staff_login_and_every_staff_page_signed_in_carry_the_headers_and_have_no_inline_code()
    {
        await using var fleet = new StaffFleet(new Dictionary<string, string> { ["Fleet:Web:MapTileUrl"] = SecurityHeadersAssert.OsmTiles });
        // A located node, so that the overview draws its map (its markers are a JSON data block, which CSP allows).
        await fleet.Services.GetRequiredService<INodeRegistryStore>().AddAsync(
            new RegisteredNode("lavoir-1", "Lavoir", "Lézat", "LP-1", 43.27, 1.35, true, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow), "hash", default);
        using StaffClient anonymous = fleet.Client();
        using HttpResponseMessage login = await anonymous.GetAsync("/staff/login");
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        SecurityHeadersAssert.Carries(login, ImagesWithOsm);
        SecurityHeadersAssert.HasNoInlineCode(await login.Content.ReadAsStringAsync(), "/staff/login");

        using StaffClient admin = await fleet.SignedInAsync();
        string overview = await admin.GetPageAsync("/staff");
        Assert.Contains("id=\"fleet-map-data\"", overview, StringComparison.Ordinal);
        foreach (StaffEndpoint page in await StaffEndpoint.AllAsync(fleet.Services))
        {
            using HttpResponseMessage response = await admin.GetAsync(page.Path);
            SecurityHeadersAssert.Carries(response, ImagesWithOsm);
            if (response.StatusCode == HttpStatusCode.OK && response.Content.Headers.ContentType?.MediaType == "text/html")
            {
                SecurityHeadersAssert.HasNoInlineCode(await response.Content.ReadAsStringAsync(), page.Path);
            }
        }
    }

    [Fact]
    public async Task Without_a_tile_server_images_come_only_from_the_fleet()
    {
        await using var fleet = new StaffFleet();
        using StaffClient client = fleet.Client();

        using HttpResponseMessage login = await client.GetAsync("/staff/login");

        SecurityHeadersAssert.Carries(login, "'self' data:");
    }

    [Fact]
    public async Task A_tile_template_the_policy_cannot_name_stops_the_start()
    {
        // A placeholder inside the host: CSP has no wildcard for it, and allowing every host would defeat img-src.
        await using var fleet = new StaffFleet(new Dictionary<string, string> { ["Fleet:Web:MapTileUrl"] = "https://tiles.{s}.example.org/{z}/{x}/{y}.png" });

        Exception failure = Assert.ThrowsAny<Exception>(() => fleet.Services);

        Assert.Contains("Fleet:Web:MapTileUrl", failure.ToString(), StringComparison.Ordinal);
    }
}

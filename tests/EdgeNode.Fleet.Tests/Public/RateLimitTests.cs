using System.Net;

namespace EdgeNode.Fleet.Tests.Public;

/// <summary>Past the configured number of requests per client IP, the public pages and open data answer 429 with Retry-After.</summary>
public sealed class RateLimitTests : IAsyncLifetime
{
    private readonly PublicSite _site = new(new Dictionary<string, string>
    {
        ["Fleet:Web:RateLimitPermits"] = "3",
        ["Fleet:Web:RateLimitWindowSeconds"] = "600",
    });

    public Task InitializeAsync() => _site.EnrolAsync("ecole-1", "École", "Saint-Jean");

    public async Task DisposeAsync() => await _site.DisposeAsync();

    [Fact]
    public async Task The_fourth_request_in_the_window_is_429_with_Retry_After_and_the_limit_is_shared_by_pages_and_api()
    {
        using HttpClient client = _site.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/commune/saint-jean", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/api/open/v1/nodes", UriKind.Relative))).StatusCode);

        using HttpResponseMessage refused = await client.GetAsync(new Uri("/api/open/v1/nodes", UriKind.Relative));

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        TimeSpan retryAfter = Assert.IsType<TimeSpan>(refused.Headers.RetryAfter?.Delta);
        Assert.InRange(retryAfter.TotalSeconds, 1, 600);
        Assert.Contains("Too many requests", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using HttpResponseMessage page = await client.GetAsync(new Uri("/capteur/ecole-1", UriKind.Relative));
        Assert.Equal(HttpStatusCode.TooManyRequests, page.StatusCode);
    }

    [Fact]
    public async Task Health_is_not_limited()
    {
        using HttpClient client = _site.CreateClient();
        for (int i = 0; i < 5; i++)
        {
            using HttpResponseMessage response = await client.GetAsync(new Uri("/health", UriKind.Relative));
            Assert.NotEqual(HttpStatusCode.TooManyRequests, response.StatusCode);
        }
    }
}

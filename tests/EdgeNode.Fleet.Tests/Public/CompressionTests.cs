using System.Net;

namespace EdgeNode.Fleet.Tests.Public;

/// <summary>Public answers are compressed; staff pages, which carry antiforgery tokens, are not (BREACH over HTTPS).</summary>
public sealed class CompressionTests : IAsyncLifetime
{
    private readonly PublicSite _site = new();

    public Task InitializeAsync() => _site.EnrolAsync("ecole-1", "École", "Saint-Jean");

    public async Task DisposeAsync() => await _site.DisposeAsync();

    [Theory]
    [InlineData("/", "br")]
    [InlineData("/commune/saint-jean", "br")]
    [InlineData("/css/public.css", "br")]
    [InlineData("/api/open/v1/nodes?format=csv", "br")]
    [InlineData("/openapi/v1.json", "br")]
    [InlineData("/staff/login", null)]
    public async Task Only_public_answers_are_compressed(string path, string? encoding)
    {
        using HttpClient client = _site.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.AcceptEncoding.ParseAdd("br, gzip");

        using HttpResponseMessage response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(encoding, response.Content.Headers.ContentEncoding.SingleOrDefault());
    }
}

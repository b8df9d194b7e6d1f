using System.Net;
using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace EdgeNode.Fleet.Tests.Public;

/// <summary>
/// What a first visit transfers, compressed as a browser asks for it: the page, its stylesheet and scripts, and what
/// the map script loads (Leaflet's script and stylesheet; the map draws its markers as SVG, no images). Budget: 100 KB.
/// </summary>
public sealed partial class FirstViewBudgetTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Budget = 100 * 1024;

    /// <summary>Fetched by /js/carte.js when the page has a map; not visible in the HTML.</summary>
    private static readonly string[] MapAssets = ["/lib/leaflet/leaflet.js", "/lib/leaflet/leaflet.css"];

    private readonly PublicSite _site = new();

    public async Task InitializeAsync()
    {
        for (int i = 1; i <= 6; i++)
        {
            string id = $"rue-{i}";
            await _site.EnrolAsync(id, $"Rue numéro {i}", "Saint-Jean", 43.39 + (i / 1000.0), -1.66);
            await _site.CommitWindowsAsync(id, "pm25_ugm3", 4 + (i * 9), count: 96);
            await _site.CommitWindowsAsync(id, "pm10_ugm3", 10 + (i * 20), count: 96, sensor: "pms5003");
        }
    }

    public async Task DisposeAsync() => await _site.DisposeAsync();

    [Theory]
    [InlineData("/")]
    [InlineData("/commune/saint-jean")]
    [InlineData("/capteur/rue-3")]
    public async Task The_first_view_is_at_most_100_KB_compressed(string page)
    {
        using HttpClient client = _site.CreateClient();
        (long html, string body) = await FetchAsync(client, page);
        var assets = Assets().Matches(body).Select(m => m.Groups["url"].Value).Where(u => u.StartsWith('/')).Distinct().ToList();
        if (body.Contains("/js/carte.js", StringComparison.Ordinal))
        {
            assets.AddRange(MapAssets);
        }
        long total = html;
        var lines = new List<string> { $"{page}: {html} B" };
        foreach (string asset in assets)
        {
            (long size, _) = await FetchAsync(client, asset);
            total += size;
            lines.Add($"{asset}: {size} B");
        }
        output.WriteLine(string.Join(Environment.NewLine, lines));
        output.WriteLine($"first view of {page}: {total} B ({total / 1024.0:0.0} KB) compressed, budget {Budget / 1024} KB");

        Assert.Contains("/css/public.css", assets);
        Assert.True(total <= Budget, $"The first view of {page} is {total} B, over the {Budget} B budget:\n{string.Join('\n', lines)}");
    }

    /// <summary>Bytes as transferred: the test client does not decompress.</summary>
    private static async Task<(long Size, string Text)> FetchAsync(HttpClient client, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.AcceptEncoding.ParseAdd("br, gzip");
        using HttpResponseMessage response = await client.SendAsync(request);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode}");
        byte[] bytes = await response.Content.ReadAsByteArrayAsync();
        string text = "";
        if (response.Content.Headers.ContentType?.MediaType == "text/html")
        {
            Assert.Equal("br", Assert.Single(response.Content.Headers.ContentEncoding));
            using var decompressed = new System.IO.Compression.BrotliStream(new MemoryStream(bytes), System.IO.Compression.CompressionMode.Decompress);
            text = await new StreamReader(decompressed).ReadToEndAsync();
        }
        // Headers count too, roughly: what a browser receives besides the body.
        long headers = response.Headers.ToString().Length + response.Content.Headers.ToString().Length;
        return (bytes.Length + headers, text);
    }

    [GeneratedRegex("(?:href|src)=\"(?<url>/(?:css|js|lib)/[^\"]+)\"")]
    private static partial Regex Assets();
}

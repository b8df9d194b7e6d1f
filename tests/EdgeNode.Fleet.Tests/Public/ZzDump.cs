namespace EdgeNode.Fleet.Tests.Public;
public sealed class ZzDump
{
    [Fact]
    public async Task Dump()
    {
        await using var site = new PublicSite();
        await site.EnrolAsync("ecole-1", "École Jules-Ferry, rue de la Gare", "Saint-Jean");
        await site.EnrolAsync("mairie-2", "Place de la Mairie", "Saint-Jean");
        await site.EnrolAsync("silence-3", "Route du Lac", "Saint-Jean");
        await site.CommitWindowsAsync("ecole-1", "pm25_ugm3", 3.2, count: 90);
        await site.CommitWindowsAsync("ecole-1", "pm10_ugm3", 8, count: 60, sensor: "pms5003");
        var b = new EdgeNode.Fleet.Storage.IngestBatch();
        for (int i = 0; i < 96; i++) { if (i % 17 == 5) continue; b.Metrics.Add(PublicSite.Window("mairie-2", "sds011", "pm25_ugm3", site.Now.AddMinutes(-22 - 15 * i), 30 + 25 * Math.Sin(i / 8.0))); b.Metrics.Add(PublicSite.Window("mairie-2", "pms5003", "pm10_ugm3", site.Now.AddMinutes(-22 - 15 * i), 60 + 50 * Math.Sin(i / 8.0))); }
        b.Traffic.Add(new EdgeNode.Fleet.Storage.TrafficWindowRow("ecole-1", "ops243", site.Now.AddMinutes(-37), 900, 0, false, 41, 37, new int[16], 48));
        await site.CommitAsync(b);
        await site.CommitWindowsAsync("silence-3", "pm25_ugm3", 100, endingAgo: TimeSpan.FromHours(3));
        Directory.CreateDirectory("/tmp/wt-public-dump");
        using HttpClient client = site.CreateClient();
        foreach ((string path, string file, string? lang) in new[] { ("/", "home", (string?)null), ("/commune/saint-jean", "commune", null), ("/capteur/mairie-2", "capteur", null), ("/commune/saint-jean", "commune-en", "en") })
        {
            using var req = new HttpRequestMessage(HttpMethod.Get, path);
            if (lang is not null) req.Headers.AcceptLanguage.ParseAdd(lang);
            string html = await (await client.SendAsync(req)).Content.ReadAsStringAsync();
            File.WriteAllText($"/tmp/wt-public-dump/{file}.html", html.Replace("href=\"/css/public.css\"", "href=\"file:///work/wt-public/fleet/EdgeNode.Fleet/wwwroot/css/public.css\""));
        }
    }
}

using EdgeNode.Fleet.Registry;
using EdgeNode.Fleet.Storage;
using OpenQA.Selenium;

namespace EdgeNode.Browser.Tests;

/// <summary>
/// The fleet as a real process over a database seeded beforehand (nodes in the registry, windows committed as ingest
/// would), and headless chromium with and without JavaScript. Windows are dated from the real clock, since the fleet
/// process reads it.
/// </summary>
public sealed class PublicSiteInBrowser : SeededFleetInBrowser
{
    protected override Task SeedAsync(string connectionString) => SeedNodesAsync(connectionString);

    /// <summary>
    /// Forgets the cookies and chooses a language with the switch. Headless chromium asks for en-US whatever its
    /// --lang, so French, the pages' default, is chosen explicitly (the in-process tests cover the default itself).
    /// </summary>
    public IWebDriver StartIn(string language, bool javaScript = true)
    {
        IWebDriver driver = Open("/health", javaScript);
        driver.Manage().Cookies.DeleteAllCookies();
        return Open($"/langue/{language}", javaScript);
    }

    private static async Task SeedNodesAsync(string connection)
    {
        await using IFleetStore store = FleetStoreFactory.Create(connection);
        await store.InitialiseAsync(CancellationToken.None);
        var registry = (INodeRegistryStore)store;
        DateTimeOffset now = DateTimeOffset.UtcNow;
        DateTimeOffset lastEnd = DateTimeOffset.FromUnixTimeSeconds(now.ToUnixTimeSeconds() / 900 * 900);
        (string Id, string Name, string Municipality, double? Pm25, TimeSpan Silence)[] nodes =
        [
            ("ecole-1", "École Jules-Ferry", "Saint-Jean", 3.2, TimeSpan.Zero),
            ("mairie-2", "Place de la Mairie", "Saint-Jean", 62.5, TimeSpan.Zero),
            ("lac-3", "Route du Lac", "Saint-Jean", 100, TimeSpan.FromHours(3)),
            // Synced hourly: its newest window ended 60 to 75 minutes ago, as every hour just before the next sync.
            ("port-4", "Quai du Port", "Bourg-Neuf", 20, TimeSpan.FromHours(1)),
            // Temperature, humidity and pressure only.
            ("meteo-5", "Parc", "Bourg-Neuf", null, TimeSpan.Zero),
        ];
        var batch = new IngestBatch();
        int index = 0;
        foreach ((string id, string name, string municipality, double? pm25, TimeSpan silence) in nodes)
        {
            index++;
            await registry.AddAsync(
                new RegisteredNode(id, name, municipality, $"LP-{index}", 43.39 + (index / 500.0), -1.66 + (index / 500.0), true, now.AddDays(-7), now.AddDays(-7)),
                "not-a-real-hash", CancellationToken.None);
            for (int window = 0; window < 96; window++)
            {
                DateTimeOffset start = lastEnd - silence - TimeSpan.FromMinutes(15 * (window + 1));
                if (pm25 is { } pm)
                {
                    batch.Metrics.Add(Window(id, "sds011", "pm25_ugm3", start, pm));
                    batch.Metrics.Add(Window(id, "pms5003", "pm10_ugm3", start, pm * 1.6));
                }
                else
                {
                    batch.Metrics.Add(Window(id, "bme280", "temperature_c", start, 12.3));
                    batch.Metrics.Add(Window(id, "bme280", "relative_humidity_pct", start, 81));
                    batch.Metrics.Add(Window(id, "bme280", "pressure_hpa", start, 1013.2));
                }
            }
        }
        await store.CommitAsync(batch, CancellationToken.None);
    }

    private static MetricWindowRow Window(string node, string sensor, string metric, DateTimeOffset start, double mean) =>
        new(node, sensor, metric, start, 900, 0, false, 30, mean, mean - 1, mean + 1, mean, 1, 0, null, 1);
}

using EdgeNode.TestSupport;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;

namespace EdgeNode.Browser.Tests;

/// <summary>
/// What every browser fixture shares: a database seeded by <see cref="SeedAsync"/> before the real fleet process starts
/// on it, and headless chromium twice, with JavaScript and without (Chrome's content setting; each its own cookies),
/// each started at first use.
/// </summary>
public abstract class SeededFleetInBrowser : IAsyncLifetime
{
    private readonly List<TemporaryDirectory> _profiles = [];
    private readonly TemporaryDirectory _database = new("edgenode-browser-fleet-db-");
    private FleetProcess? _fleet;
    private ChromeDriver? _driver;
    private ChromeDriver? _withoutJavaScript;

    public FleetProcess Fleet => _fleet ?? throw new InvalidOperationException("The fleet is used before xunit started it.");

    public IWebDriver Driver => _driver ??= StartBrowser(javaScript: true);

    public IWebDriver DriverWithoutJavaScript => _withoutJavaScript ??= StartBrowser(javaScript: false);

    public async Task InitializeAsync()
    {
        string connection = $"Data Source={_database.File("fleet.db")}";
        await SeedAsync(connection);
        _fleet = await FleetProcess.StartAsync(new Dictionary<string, string>
        {
            ["Fleet__Storage__ConnectionString"] = connection,
            // Every test signs in afresh, all from 127.0.0.1: the default of 10 sign-ins per 5 minutes per address
            // would refuse the eleventh (the in-process tests check the limit itself).
            ["Fleet__Staff__SignInLimitPerClient"] = "1000",
        });
    }

    public async Task DisposeAsync()
    {
        _driver?.Quit();
        _withoutJavaScript?.Quit();
        if (_fleet is not null)
        {
            await _fleet.DisposeAsync();
        }

        foreach (TemporaryDirectory profile in _profiles)
        {
            profile.Dispose();
        }

        _database.Dispose();
    }

    /// <summary>Opens a path of the fleet ("/staff/users") and returns the driver that shows it.</summary>
    public IWebDriver Open(string path, bool javaScript = true)
    {
        IWebDriver driver = javaScript ? Driver : DriverWithoutJavaScript;
        driver.Navigate().GoToUrl(Fleet.Url(path));
        return driver;
    }

    /// <summary>Puts what the tests look at into the new database, through the fleet's own stores.</summary>
    protected abstract Task SeedAsync(string connectionString);

    private ChromeDriver StartBrowser(bool javaScript)
    {
        var profile = new TemporaryDirectory("edgenode-chromium-");
        _profiles.Add(profile);
        return ChromeBrowser.Start(javaScript, profile);
    }
}

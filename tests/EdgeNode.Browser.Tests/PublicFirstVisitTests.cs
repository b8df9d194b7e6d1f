using System.Text.Json;
using EdgeNode.TestSupport;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Support.UI;
using Xunit.Abstractions;

namespace EdgeNode.Browser.Tests;

/// <summary>
/// A citizen's first visit, on a phone-sized window with an empty cache: what chromium itself counts as transferred
/// (Resource Timing, headers included, as the browser negotiated compression), and whether the page fits 360 px.
/// </summary>
[Collection(PublicSiteInBrowserCollection.Name)]
public sealed class PublicFirstVisitTests(PublicSiteInBrowser site, ITestOutputHelper output)
{
    private const int Budget = 100 * 1024;
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    [Theory]
    [InlineData("/")]
    [InlineData("/commune/saint-jean")]
    [InlineData("/capteur/mairie-2")]
    public void A_first_visit_on_a_360_px_phone_transfers_at_most_100_KB_and_needs_no_sideways_scrolling(string path)
    {
        using var profile = new TemporaryDirectory("edgenode-chromium-first-visit-");
        using ChromeDriver driver = ChromeBrowser.Start(javaScript: true, profile);
        driver.Manage().Window.Size = PhoneScreen.Size;
        var script = (IJavaScriptExecutor)driver;
        // French chosen as PublicSiteInBrowser does; that page's files are then dropped, so the visit finds none cached.
        driver.Navigate().GoToUrl(site.Fleet.Url("/langue/fr"));
        driver.ExecuteCdpCommand("Network.clearBrowserCache", []);
        driver.Navigate().GoToUrl(site.Fleet.Url(path));
        if (driver.FindElements(By.Id("carte")).Count > 0)
        {
            // The map script fetches Leaflet after the page: part of the first view.
            new WebDriverWait(driver, TimeSpan.FromSeconds(15)).Until(d => d.FindElements(By.CssSelector("#carte.leaflet-container")).Count > 0);
        }

        // As JSON, like Axe: WebDriver's own conversions of numbers and arrays are loosely typed.
        List<Transfer> transfers = JsonSerializer.Deserialize<List<Transfer>>((string)script.ExecuteScript(
            "return JSON.stringify(performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'))" +
            ".map(e => ({ name: e.name, transferred: e.transferSize, encoded: e.encodedBodySize, decoded: e.decodedBodySize })));")!,
            JsonOptions)!;
        (long viewport, long overflow, string widest) = PhoneScreen.Measure(driver);
        long total = transfers.Sum(entry => entry.Transferred);
        output.WriteLine(string.Join('\n', transfers.Select(entry => $"{new Uri(entry.Name).AbsolutePath}: {entry.Transferred} B transferred ({entry.Encoded} B body, {entry.Decoded} B decoded)")));
        output.WriteLine($"first visit of {path} in chromium at {viewport} px: {total} B ({total / 1024.0:0.0} KB) transferred, budget {Budget / 1024} KB; sideways overflow {overflow} px");

        Assert.Equal(PhoneScreen.Width, viewport);
        Assert.Contains(transfers, entry => entry.Name.EndsWith("/css/public.css", StringComparison.Ordinal) && entry.Transferred > 0);
        Assert.True(total <= Budget, $"The first visit of {path} transferred {total} B, over the {Budget} B budget.");
        Assert.True(overflow <= 0, $"{path} is {overflow} px wider than a {PhoneScreen.Width} px screen: the visitor must scroll sideways; the widest element: {widest}");
    }

    private sealed record Transfer(string Name, long Transferred, long Encoded, long Decoded);
}

using System.Text.RegularExpressions;
using EdgeNode.Protocol.Catalogue;
using OpenQA.Selenium;

namespace EdgeNode.Browser.Tests;

/// <summary>
/// One vocabulary and one time convention on every staff page, as a person reads it (the visible text): measures by
/// their French names with units, never the stored ids ("co2_ppm"); every time of day in local time with its zone;
/// one word per thing ("nœud" for the device, "capteur" for a sensor in it, "lampadaire" for the lamppost).
/// </summary>
[Collection(FleetInBrowserCollection.Name)]
public sealed partial class StaffVocabularyTests(FleetInBrowser browser)
{
    [Theory]
    [MemberData(nameof(StaffPagePaths.All), MemberType = typeof(StaffPagePaths))]
    public void A_staff_page_names_measures_in_words_and_gives_every_time_its_local_zone(string path)
    {
        IWebDriver driver = browser.SignIn(javaScript: false);
        driver.Navigate().GoToUrl(browser.Fleet.Url(path));

        string text = driver.FindElement(By.TagName("body")).Text;

        string[] rawIds = [.. MetricCatalogue.All.Select(metric => metric.Name).Where(name => text.Contains(name, StringComparison.Ordinal))];
        Assert.True(rawIds.Length == 0, $"{path} shows stored metric ids: {string.Join(", ", rawIds)}");
        string[] withoutZone = [.. TimeWithoutLocalZone().Matches(text).Select(match => match.Value)];
        Assert.True(withoutZone.Length == 0, $"{path} shows times without their local zone (CET or CEST): {string.Join(" | ", withoutZone)}");
        Assert.DoesNotContain("candélabre", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("capteurs enrôlés", text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Charts_are_titled_with_the_measures_name_and_unit()
    {
        IWebDriver driver = browser.SignIn(javaScript: false);
        driver.Navigate().GoToUrl(browser.Fleet.Url("/staff/nodes/" + MonitoredNodes.InService));

        string[] captions = [.. driver.FindElements(By.CssSelector("figure.metric-chart figcaption strong")).Select(caption => caption.Text)];

        Assert.Equal(
            ["Dioxyde de carbone, CO₂ (ppm)", "Particules fines PM2,5 (µg/m³)", "Pression atmosphérique (hPa)", "Température (°C)"],
            captions);
    }

    // A time of day (14:37 or 14:37:05), with the words around it, when no local zone follows it.
    [GeneratedRegex(@".{0,20}\b(?>\d{1,2}:\d\d(?::\d\d)?)(?! (CET|CEST)\b).{0,10}")]
    private static partial Regex TimeWithoutLocalZone();
}

using OpenQA.Selenium;
using OpenQA.Selenium.Support.UI;

namespace EdgeNode.Browser.Tests;

/// <summary>The public pages in a real browser: readable without JavaScript, the language switch, no axe violation.</summary>
[Collection(PublicSiteInBrowserCollection.Name)]
public sealed class PublicPagesInBrowserTests(PublicSiteInBrowser site)
{
    [Fact]
    public void Without_JavaScript_each_node_shows_its_band_in_words_and_a_silent_node_says_so()
    {
        site.StartIn("fr", javaScript: false);
        IWebDriver driver = site.Open("/commune/saint-jean", javaScript: false);

        Assert.Equal("Qualité de l'air à Saint-Jean", driver.FindElement(By.TagName("h1")).Text);
        Assert.Equal("Bon", Article(driver, "ecole-1").FindElement(By.CssSelector(".band-name")).Text);
        Assert.Equal("Mauvais", Article(driver, "mairie-2").FindElement(By.CssSelector(".band-name")).Text);
        IWebElement silent = Article(driver, "lac-3");
        Assert.StartsWith("Pas de mesure depuis le ", silent.FindElement(By.CssSelector(".no-data")).Text, StringComparison.Ordinal);
        Assert.Empty(silent.FindElements(By.CssSelector(".band-name")));
        Assert.False(driver.FindElement(By.Id("carte-section")).Displayed);
    }

    [Fact]
    public void Without_JavaScript_the_home_page_gives_each_municipalitys_band_in_words_colour_and_shape_under_its_title_said_once()
    {
        site.StartIn("fr", javaScript: false);
        IWebDriver driver = site.Open("/", javaScript: false);

        Assert.Equal("Qualité de l'air dans nos communes", driver.Title);
        // The worst of its nodes': the town hall's Poor, a red diamond.
        IWebElement saintJean = Municipality(driver, "Saint-Jean");
        Assert.Equal("Mauvais", saintJean.FindElement(By.CssSelector(".band-name")).Text);
        Assert.Equal("(niveau 4 sur 6)", saintJean.FindElement(By.CssSelector(".band-level")).Text);
        Assert.Equal("rgba(255, 80, 80, 1)", saintJean.FindElement(By.CssSelector(".band")).GetCssValue("background-color"));
        Assert.True(saintJean.FindElement(By.CssSelector(".band-icon path")).Displayed);
        Assert.Equal("Dégradé", Municipality(driver, "Bourg-Neuf").FindElement(By.CssSelector(".band-name")).Text);
    }

    [Fact]
    public void A_node_whose_newest_window_is_as_old_as_an_hourly_sync_allows_keeps_its_band_and_says_how_old_it_is()
    {
        site.StartIn("fr", javaScript: false);
        IWebDriver driver = site.Open("/commune/bourg-neuf", javaScript: false);

        IWebElement port = Article(driver, "port-4");
        Assert.Equal("Dégradé", port.FindElement(By.CssSelector(".now .band-name")).Text);
        Assert.Matches(@"^Mesuré il y a 1 heure( et \d+ minutes?)? : moyenne de \d\d:\d\d à \d\d:\d\d\.$", port.FindElement(By.CssSelector(".measured")).Text);
        Assert.Empty(port.FindElements(By.CssSelector(".no-data")));
    }

    [Fact]
    public void A_node_without_pollutant_sensor_says_what_it_measures()
    {
        site.StartIn("fr", javaScript: false);
        IWebDriver driver = site.Open("/commune/bourg-neuf", javaScript: false);

        IWebElement meteo = Article(driver, "meteo-5");
        Assert.Equal("Ce capteur ne donne pas de mesure de la pollution de l'air. Il mesure :", meteo.FindElement(By.CssSelector(".other-measurements")).Text);
        Assert.Equal(
            ["Température : 12,3 °C", "Humidité relative : 81 %", "Pression atmosphérique : 1013 hPa"],
            meteo.FindElements(By.CssSelector(".measurements li")).Select(item => item.Text));
        Assert.Empty(meteo.FindElements(By.CssSelector(".no-data")));
    }

    [Fact]
    public void The_address_can_ask_for_English_and_the_next_pages_stay_English_until_the_switch()
    {
        site.StartIn("fr", javaScript: false);
        IWebDriver driver = site.Open("/?lang=en", javaScript: false);

        Assert.Equal("en", driver.FindElement(By.TagName("html")).GetAttribute("lang"));
        Assert.Equal("Air quality in our villages", driver.FindElement(By.TagName("h1")).Text);
        driver.FindElement(By.LinkText("Saint-Jean")).Click();
        Assert.Equal("Air quality in Saint-Jean", driver.FindElement(By.TagName("h1")).Text);
        driver.FindElement(By.LinkText("Français")).Click();
        Assert.Equal("Qualité de l'air à Saint-Jean", driver.FindElement(By.TagName("h1")).Text);
    }

    [Theory]
    [InlineData("fr", "Page introuvable", "Retour à l'accueil : la qualité de l'air dans nos communes", "Qualité de l'air dans nos communes")]
    [InlineData("en", "Page not found", "Back to the home page: air quality in our villages", "Air quality in our villages")]
    public void An_unknown_address_gets_a_404_page_in_the_visitors_language_with_a_way_back(string language, string heading, string wayBack, string home)
    {
        site.StartIn(language);
        IWebDriver driver = site.Open("/nulle/part");

        Assert.Equal(404L, ((IJavaScriptExecutor)driver).ExecuteScript("return performance.getEntriesByType('navigation')[0].responseStatus;"));
        Assert.Equal(heading, driver.FindElement(By.TagName("h1")).Text);
        driver.FindElement(By.LinkText(wayBack)).Click();
        Assert.Equal(home, driver.FindElement(By.TagName("h1")).Text);
    }

    [Fact]
    public void With_JavaScript_the_map_appears_with_a_marker_per_node()
    {
        site.StartIn("fr");
        IWebDriver driver = site.Open("/commune/saint-jean");

        new WebDriverWait(driver, TimeSpan.FromSeconds(15)).Until(d => d.FindElement(By.Id("carte-section")).Displayed);
        Assert.Equal(3, driver.FindElements(By.CssSelector("#carte path.leaflet-interactive")).Count);
        Assert.Empty(driver.FindElements(By.CssSelector("#carte .leaflet-tile")));
    }

    [Fact]
    public void With_the_Content_Security_Policy_on_the_commune_map_initialises_and_nothing_is_refused()
    {
        site.StartIn("fr");
        IWebDriver driver = site.Open("/commune/saint-jean");

        new WebDriverWait(driver, TimeSpan.FromSeconds(15)).Until(d => d.FindElements(By.CssSelector("#carte.leaflet-container path.leaflet-interactive")).Count == 3);
        IReadOnlyList<string> violations = CspViolations.In(driver);
        (IReadOnlyList<string> refused, bool inlineRan) = CspViolations.TryInlineCode(driver);

        Assert.True(violations.Count == 0, "The commune page broke its Content-Security-Policy:\n" + string.Join('\n', violations));
        Assert.Contains(refused, violation => violation.StartsWith("script-src", StringComparison.Ordinal));
        Assert.Contains(refused, violation => violation.StartsWith("style-src", StringComparison.Ordinal));
        Assert.False(inlineRan, "An inline script ran: the Content-Security-Policy is not enforced.");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void The_language_switch_changes_the_page_and_stays(bool javaScript)
    {
        site.StartIn("fr", javaScript);
        IWebDriver driver = site.Open("/commune/saint-jean", javaScript);
        Assert.Equal("fr", driver.FindElement(By.TagName("html")).GetAttribute("lang"));

        driver.FindElement(By.LinkText("English")).Click();

        Assert.EndsWith("/commune/saint-jean", driver.Url, StringComparison.Ordinal);
        Assert.Equal("en", driver.FindElement(By.TagName("html")).GetAttribute("lang"));
        Assert.Equal("Air quality in Saint-Jean", driver.FindElement(By.TagName("h1")).Text);
        Assert.Equal("Poor", Article(driver, "mairie-2").FindElement(By.CssSelector(".band-name")).Text);
        site.Open("/capteur/ecole-1", javaScript);
        Assert.Equal("en", driver.FindElement(By.TagName("html")).GetAttribute("lang"));

        driver.FindElement(By.LinkText("Français")).Click();
        Assert.Equal("fr", driver.FindElement(By.TagName("html")).GetAttribute("lang"));
    }

    [Theory]
    [InlineData("/", "fr")]
    [InlineData("/", "en")]
    [InlineData("/commune/bourg-neuf", "fr")]
    [InlineData("/capteur/meteo-5", "fr")]
    [InlineData("/nulle/part", "fr")]
    [InlineData("/nulle/part", "en")]
    [InlineData("/commune/saint-jean", "fr")]
    [InlineData("/capteur/mairie-2", "fr")]
    [InlineData("/capteur/lac-3", "fr")]
    [InlineData("/commune/saint-jean", "en")]
    [InlineData("/commune/nulle-part", "fr")]
    public void The_public_pages_have_no_axe_violation(string path, string language)
    {
        site.StartIn(language);
        IWebDriver driver = site.Open(path);
        if (driver.FindElements(By.Id("carte")).Count > 0)
        {
            // With the map drawn: Leaflet's controls are part of what a visitor meets.
            new WebDriverWait(driver, TimeSpan.FromSeconds(15)).Until(d => d.FindElement(By.Id("carte-section")).Displayed);
        }

        IReadOnlyList<AxeViolation> violations = Axe.Run(driver);

        Assert.True(violations.Count == 0, $"axe-core found {violations.Count} violation(s) on {path} ({language}):\n" + string.Join('\n', violations));
    }

    private static IWebElement Municipality(IWebDriver driver, string name) =>
        driver.FindElement(By.XPath($"//ul[@class='communes']/li[a[normalize-space()='{name}']]"));

    private static IWebElement Article(IWebDriver driver, string nodeId) =>
        driver.FindElement(By.CssSelector($"article[aria-labelledby='capteur-{nodeId}']"));
}

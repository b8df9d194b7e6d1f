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

    private static IWebElement Article(IWebDriver driver, string nodeId) =>
        driver.FindElement(By.CssSelector($"article[aria-labelledby='capteur-{nodeId}']"));
}

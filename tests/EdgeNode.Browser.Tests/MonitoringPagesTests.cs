using OpenQA.Selenium;
using OpenQA.Selenium.Support.UI;

namespace EdgeNode.Browser.Tests;

/// <summary>
/// The monitoring pages (overview, node page, alerts) in a real browser, with and without JavaScript, over the
/// <see cref="MonitoredNodes"/> the fleet starts with: what a person sees, and axe.
/// </summary>
[Collection(FleetInBrowserCollection.Name)]
public sealed class MonitoringPagesTests(FleetInBrowser browser)
{
    [Fact]
    public void The_overview_has_no_axe_violation()
    {
        browser.SignIn();
        IWebDriver driver = browser.Open("/staff");

        Assert.Equal("État du parc", driver.FindElement(By.TagName("h1")).Text);
        Assert.Equal("page", driver.FindElement(By.CssSelector("header nav")).FindElement(By.LinkText("Vue d'ensemble")).GetAttribute("aria-current"));
        browser.AssertNoAxeViolations();
    }

    [Fact]
    public void With_the_Content_Security_Policy_on_the_overview_map_initialises_and_nothing_is_refused()
    {
        browser.SignIn();
        IWebDriver driver = browser.Open("/staff");

        new WebDriverWait(driver, TimeSpan.FromSeconds(15)).Until(d => d.FindElements(By.CssSelector("#fleet-map.leaflet-container path.leaflet-interactive")).Count == 3);
        IReadOnlyList<string> violations = CspViolations.In(driver);
        (IReadOnlyList<string> refused, bool inlineRan) = CspViolations.TryInlineCode(driver);

        Assert.False(driver.FindElement(By.Id("plain-map")).Displayed);
        Assert.True(violations.Count == 0, "The overview broke its Content-Security-Policy:\n" + string.Join('\n', violations));
        Assert.Contains(refused, violation => violation.StartsWith("script-src", StringComparison.Ordinal));
        Assert.False(inlineRan, "An inline script ran: the Content-Security-Policy is not enforced.");
    }

    [Fact]
    public void The_overview_filters_without_javascript()
    {
        IWebDriver driver = browser.SignIn(javaScript: false);
        driver.Navigate().GoToUrl(browser.Fleet.Url("/staff"));
        driver.FindElement(By.CssSelector("#filter-status option[value=silent]")).Click();
        FleetInBrowser.ClickAndWaitForNextPage(driver, driver.FindElement(By.CssSelector("form.fleet-filter button[type=submit]")));

        Assert.Contains("status=silent", driver.Url, StringComparison.Ordinal);
        Assert.Equal("silent", driver.FindElement(By.CssSelector("#filter-status option[selected]")).GetAttribute("value"));
    }

    [Fact]
    public void The_overview_shows_the_silent_node_as_silent_and_the_faulty_sensor_as_faulty()
    {
        IWebDriver driver = browser.SignIn(javaScript: false);
        driver.Navigate().GoToUrl(browser.Fleet.Url("/staff"));

        Assert.StartsWith("Silencieux", Row(driver, MonitoredNodes.Silent).FindElement(By.CssSelector("td.status strong")).Text, StringComparison.Ordinal);
        IWebElement faulty = Row(driver, MonitoredNodes.SensorFault);
        Assert.Equal("Capteur en défaut", faulty.FindElement(By.CssSelector("td.status strong")).Text);
        Assert.Contains("sds011 : ne répond pas", faulty.Text, StringComparison.Ordinal);
        Assert.Equal("En service", Row(driver, MonitoredNodes.InService).FindElement(By.CssSelector("td.status strong")).Text);
        Assert.Equal("1", driver.FindElement(By.CssSelector(".count[data-status=silent]")).Text);
        Assert.Equal("1", driver.FindElement(By.CssSelector(".count[data-status=sensor-fault]")).Text);
    }

    [Fact]
    public void A_nodes_page_draws_its_charts_from_the_last_day_and_has_no_axe_violation()
    {
        browser.SignIn();
        IWebDriver driver = browser.Open($"/staff/nodes/{MonitoredNodes.InService}");

        IReadOnlyCollection<IWebElement> charts = driver.FindElements(By.CssSelector("svg.chart"));
        Assert.NotEmpty(charts);
        IWebElement line = charts.First().FindElement(By.CssSelector("polyline.mean"));
        Assert.True(line.GetAttribute("points")!.Split(' ').Length >= 90, line.GetAttribute("points"));
        Assert.True(line.Size.Width > 100, $"the chart's line is drawn {line.Size.Width} px wide");
        browser.AssertNoAxeViolations();
    }

    [Fact]
    public void Staff_set_a_calibration_from_the_nodes_page_without_javascript_and_the_page_has_no_axe_violation()
    {
        browser.SignIn(javaScript: false);
        IWebDriver driver = browser.Open($"/staff/nodes/{MonitoredNodes.InService}");
        IWebElement form = driver.FindElement(By.Id("calibrate-form"));
        form.FindElement(By.CssSelector("option[value='pms5003/pm25_ugm3']")).Click();
        IWebElement gain = form.FindElement(By.Name("gain"));
        gain.Clear();
        gain.SendKeys("0,85");
        IWebElement offset = form.FindElement(By.Name("offset"));
        offset.Clear();
        offset.SendKeys("-1");

        form.Submit();

        Assert.Contains("Calibration n° 1 enregistrée", driver.FindElement(By.CssSelector("#calibration [role=status]")).Text, StringComparison.Ordinal);
        IWebElement entry = driver.FindElement(By.CssSelector("tr[data-calibration-entry='pms5003/pm25_ugm3']"));
        Assert.Contains("0.85", entry.Text, StringComparison.Ordinal);
        Assert.Contains("-1", entry.Text, StringComparison.Ordinal);
        browser.AssertNoAxeViolations();
    }

    [Fact]
    public void The_alerts_page_has_no_axe_violation()
    {
        browser.SignIn();
        IWebDriver driver = browser.Open("/staff/alerts");

        Assert.Equal("Alertes", driver.FindElement(By.TagName("h1")).Text);
        browser.AssertNoAxeViolations();
    }

    private static IWebElement Row(IWebDriver driver, string nodeId) =>
        driver.FindElement(By.CssSelector($"tr[data-node='{nodeId}']"));
}

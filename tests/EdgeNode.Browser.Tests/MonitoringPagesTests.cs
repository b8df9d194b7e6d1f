using OpenQA.Selenium;

namespace EdgeNode.Browser.Tests;

/// <summary>The monitoring pages (overview, alerts) in a real browser, with and without JavaScript: they load and pass axe.</summary>
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
    public void The_alerts_page_has_no_axe_violation()
    {
        browser.SignIn();
        IWebDriver driver = browser.Open("/staff/alerts");

        Assert.Equal("Alertes", driver.FindElement(By.TagName("h1")).Text);
        browser.AssertNoAxeViolations();
    }
}

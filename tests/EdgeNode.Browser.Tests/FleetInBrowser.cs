using OpenQA.Selenium;
using OpenQA.Selenium.Support.UI;

namespace EdgeNode.Browser.Tests;

/// <summary>
/// A real fleet process and headless chromium, shared by every test class in <see cref="FleetInBrowserCollection"/>
/// (so one fleet starts per test run, and tests run one at a time: a WebDriver is not for two threads). Tests start
/// from a clean browser: <see cref="Open"/> and <see cref="SignIn"/> work on the current cookies, <see cref="SignOut"/>
/// forgets them. A second browser with JavaScript off shows pages as a visitor without JavaScript sees them.
/// </summary>
/// <example>
/// <code>
/// [Collection(FleetInBrowserCollection.Name)]
/// public sealed class MyPageTests(FleetInBrowser browser)
/// {
///     [Fact]
///     public void My_page_is_accessible()
///     {
///         browser.Open("/");
///         browser.AssertNoAxeViolations();
///     }
/// }
/// </code>
/// </example>
public sealed class FleetInBrowser : SeededFleetInBrowser
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    /// <summary>The staff fleet starts over <see cref="MonitoredNodes"/>.</summary>
    protected override Task SeedAsync(string connectionString) => MonitoredNodes.SeedAsync(connectionString);

    /// <summary>Signs in through the login form (forgetting any earlier session) as the first admin by default.</summary>
    public IWebDriver SignIn(string userName = "admin", string password = FleetProcess.AdminPassword, bool javaScript = true)
    {
        SignOut(javaScript);
        IWebDriver driver = Open("/staff/login", javaScript);
        if (driver.FindElements(By.Id("UserName")).Count == 0)
        {
            throw new InvalidOperationException($"No login form at {driver.Url}:\n{driver.PageSource}\nFleet output:\n{Fleet.Process.Tail()}");
        }

        driver.FindElement(By.Id("UserName")).SendKeys(userName);
        driver.FindElement(By.Id("Password")).SendKeys(password);
        ClickAndWaitForNextPage(driver, driver.FindElement(By.CssSelector("main form button[type=submit]")));
        if (driver.Url.Contains("/staff/login", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"Signing in as {userName} failed: {driver.FindElement(By.CssSelector("[role=alert]")).Text}");
        }

        return driver;
    }

    /// <summary>
    /// Clicks what submits a form or follows a link, and returns once the browser shows the next page: finding an
    /// element straight after Click() may otherwise find it in the page being left.
    /// </summary>
    public static void ClickAndWaitForNextPage(IWebDriver driver, IWebElement element)
    {
        IWebElement leaving = driver.FindElement(By.TagName("html"));
        element.Click();
        new WebDriverWait(driver, Patience).Until(current =>
        {
            try
            {
                _ = leaving.TagName;
                return false;
            }
            catch (WebDriverException gone) when (gone is StaleElementReferenceException || gone.Message.Contains("does not belong to the document", StringComparison.Ordinal))
            {
                // Chromium says either, depending on when in the navigation it is asked.
                return current.FindElements(By.TagName("body")).Count > 0;
            }
        });
    }

    /// <summary>Forgets the browser's cookies for the fleet (the session and the antiforgery cookie).</summary>
    public void SignOut(bool javaScript = true)
    {
        IWebDriver driver = javaScript ? Driver : DriverWithoutJavaScript;
        if (!driver.Url.StartsWith(Fleet.BaseAddress.GetLeftPart(UriPartial.Authority), StringComparison.Ordinal))
        {
            // Cookies can only be deleted from a page of their own site.
            driver.Navigate().GoToUrl(Fleet.Url("/health"));
        }

        driver.Manage().Cookies.DeleteAllCookies();
    }

    /// <summary>Runs axe-core on the page the JavaScript browser shows; fails listing each rule broken and where.</summary>
    public void AssertNoAxeViolations()
    {
        IReadOnlyList<AxeViolation> violations = Axe.Run(Driver);
        Assert.True(
            violations.Count == 0,
            $"axe-core found {violations.Count} WCAG 2.1 A/AA violation(s) on {Driver.Url}:\n" + string.Join('\n', violations));
    }
}

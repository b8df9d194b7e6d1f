using System.Drawing;
using OpenQA.Selenium;

namespace EdgeNode.Browser.Tests;

/// <summary>
/// The pages a technician opens on a phone at the foot of a lamppost, on a 360 px window: the page itself never
/// scrolls sideways (a wide table may scroll inside its own box), with the long values real fleets have
/// (<see cref="MonitoredNodes"/>). In the office, at 1280 px, the overview's table fits without scrolling.
/// </summary>
[Collection(FleetInBrowserCollection.Name)]
public sealed class StaffPagesOnAPhoneTests(FleetInBrowser browser)
{
    private static readonly Size Office = new(1280, 900);

    [Theory]
    [MemberData(nameof(StaffPagePaths.All), MemberType = typeof(StaffPagePaths))]
    public void A_staff_page_fits_a_360_px_phone(string path)
    {
        IWebDriver driver = browser.SignIn(javaScript: false);
        Size before = driver.Manage().Window.Size;
        try
        {
            driver.Manage().Window.Size = PhoneScreen.Size;
            driver.Navigate().GoToUrl(browser.Fleet.Url(path));

            (long viewport, long overflow, string widest) = PhoneScreen.Measure(driver);

            Assert.Equal(PhoneScreen.Width, viewport);
            Assert.True(overflow <= 0, $"{path} is {overflow} px wider than a {PhoneScreen.Width} px screen; the widest element: {widest}");
        }
        finally
        {
            driver.Manage().Window.Size = before;
        }
    }

    [Fact]
    public void At_1280_px_the_overview_shows_every_column_without_scrolling_and_the_firmware_short()
    {
        IWebDriver driver = browser.SignIn(javaScript: false);
        Size before = driver.Manage().Window.Size;
        try
        {
            driver.Manage().Window.Size = Office;
            driver.Navigate().GoToUrl(browser.Fleet.Url("/staff"));

            var script = (IJavaScriptExecutor)driver;
            long hidden = (long)(script.ExecuteScript(
                "const box = document.querySelector('.fleet-table').closest('.table-scroll'); return box.scrollWidth - box.clientWidth;") ?? 0L);
            Assert.True(hidden <= 0, $"the overview's table is {hidden} px wider than its box at 1280 px: the status column is cut off");
            IWebElement firmware = driver.FindElement(By.CssSelector($"tr[data-node='{MonitoredNodes.InService}'] .firmware"));
            Assert.Equal("1.0.0+3f2a9c1…", firmware.Text);
            Assert.Equal(MonitoredNodes.LongFirmware, firmware.GetAttribute("title"));
        }
        finally
        {
            driver.Manage().Window.Size = before;
        }
    }

    [Fact]
    public void The_node_page_gives_the_whole_firmware_version_on_demand()
    {
        IWebDriver driver = browser.SignIn(javaScript: false);
        driver.Navigate().GoToUrl(browser.Fleet.Url("/staff/nodes/" + MonitoredNodes.InService));

        IWebElement details = driver.FindElement(By.CssSelector("details.firmware-full"));
        Assert.Equal("", details.FindElement(By.TagName("code")).Text);
        details.FindElement(By.TagName("summary")).Click();

        Assert.Equal(MonitoredNodes.LongFirmware, details.FindElement(By.TagName("code")).Text);
    }
}

using System.Drawing;
using OpenQA.Selenium;

namespace EdgeNode.Browser.Tests;

/// <summary>
/// The pages a technician opens on a phone at the foot of a lamppost, on a 360 px window: the page itself never
/// scrolls sideways (a wide table may scroll inside its own box).
/// </summary>
[Collection(FleetInBrowserCollection.Name)]
public sealed class StaffPagesOnAPhoneTests(FleetInBrowser browser)
{
    [Theory]
    [InlineData("/staff")]
    [InlineData("/staff/nodes/" + MonitoredNodes.SensorFault)]
    [InlineData("/staff/alerts")]
    [InlineData("/staff/enrolment")]
    [InlineData("/staff/users")]
    [InlineData("/staff/audit")]
    [InlineData("/staff/account")]
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
}

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
    private const int PhoneWidth = 360;

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
            driver.Manage().Window.Size = new Size(PhoneWidth, 780);
            driver.Navigate().GoToUrl(browser.Fleet.Url(path));
            var script = (IJavaScriptExecutor)driver;
            long viewport = (long)(script.ExecuteScript("return window.innerWidth;") ?? 0L);
            long overflow = (long)(script.ExecuteScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth;") ?? 0L);
            string widest = (string)(script.ExecuteScript(
                "let w = null; for (const e of document.querySelectorAll('body *')) { if (e.parentElement.closest('.table-scroll')) continue; const r = e.getBoundingClientRect();" +
                " if (r.right > document.documentElement.clientWidth + 1 && (!w || r.right > w.r)) w = { r: r.right, d: e.tagName + (e.id ? '#' + e.id : '') + (e.className ? '.' + e.className : '') }; }" +
                " return w ? w.d + ' reaches ' + Math.round(w.r) + ' px' : 'nothing';") ?? "");

            Assert.Equal(PhoneWidth, viewport);
            Assert.True(overflow <= 0, $"{path} is {overflow} px wider than a {PhoneWidth} px screen; the widest element: {widest}");
        }
        finally
        {
            driver.Manage().Window.Size = before;
        }
    }
}

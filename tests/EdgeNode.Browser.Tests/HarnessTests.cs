using OpenQA.Selenium;

namespace EdgeNode.Browser.Tests;

/// <summary>The harness itself can fail: axe-core finds what is wrong, and the second browser really runs no script.</summary>
[Collection(FleetInBrowserCollection.Name)]
public sealed class HarnessTests(FleetInBrowser browser)
{
    [Fact]
    public void Axe_reports_a_broken_page_with_the_rule_and_the_element()
    {
        browser.SignOut();
        IWebDriver driver = browser.Open("/staff/login");
        ((IJavaScriptExecutor)driver).ExecuteScript(
            "const image = document.createElement('img'); image.src = 'pollution.png'; image.id = 'sans-alt'; document.querySelector('main').append(image);");

        IReadOnlyList<AxeViolation> violations = Axe.Run(driver);

        AxeViolation missingAlt = Assert.Single(violations, violation => violation.Id == "image-alt");
        Assert.Equal("#sans-alt", Assert.Single(missingAlt.Nodes).Target);
        Assert.Throws<Xunit.Sdk.TrueException>(browser.AssertNoAxeViolations);
    }

    [Fact]
    public void The_browser_without_javascript_runs_no_script_of_the_page()
    {
        const string page = "<!DOCTYPE html><html lang=en><title>t</title><p id=state>off</p><script>document.getElementById('state').textContent = 'on';</script>";

        browser.DriverWithoutJavaScript.Navigate().GoToUrl("data:text/html," + Uri.EscapeDataString(page));
        browser.Driver.Navigate().GoToUrl("data:text/html," + Uri.EscapeDataString(page));

        Assert.Equal("off", browser.DriverWithoutJavaScript.FindElement(By.Id("state")).Text);
        Assert.Equal("on", browser.Driver.FindElement(By.Id("state")).Text);
    }
}

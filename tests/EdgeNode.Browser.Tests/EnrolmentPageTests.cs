using System.Text;
using System.Text.Json.Nodes;
using OpenQA.Selenium;

namespace EdgeNode.Browser.Tests;

/// <summary>An admin enrols a node in the panel, without JavaScript, against the fleet's own broker.</summary>
[Collection(FleetInBrowserCollection.Name)]
public sealed class EnrolmentPageTests(FleetInBrowser browser)
{
    [Fact]
    public void An_admin_enrols_a_node_gets_its_files_once_then_disables_it()
    {
        IWebDriver admin = browser.SignIn(javaScript: false);
        admin.Navigate().GoToUrl(browser.Fleet.Url("/staff/enrolment"));
        admin.FindElement(By.Id("enrol-id")).SendKeys("villeneuve-gare");
        admin.FindElement(By.Id("enrol-name")).SendKeys("Parvis de la gare");
        admin.FindElement(By.Id("enrol-municipality")).SendKeys("Villeneuve");
        admin.FindElement(By.Id("enrol-latitude")).SendKeys("45,3071");
        admin.FindElement(By.Id("enrol-longitude")).SendKeys("1.515");
        FleetInBrowser.ClickAndWaitForNextPage(admin, admin.FindElement(By.CssSelector("form[action*='handler=Enrol'] button")));

        string secret = admin.FindElement(By.Id("secret")).Text;
        string href = admin.FindElement(By.LinkText("Télécharger fleet.json")).GetAttribute("href")!;
        JsonNode bundle = JsonNode.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(href[(href.IndexOf(',', StringComparison.Ordinal) + 1)..])))!;
        Assert.Equal("villeneuve-gare", (string?)bundle["Node"]!["Id"]);
        Assert.Equal(secret, (string?)bundle["Uplink"]!["Password"]);
        Assert.True(secret.Length >= 40, secret);
        Assert.Contains("45.3071, 1.515", admin.FindElement(By.Id("capteur-villeneuve-gare")).FindElement(By.XPath("..")).Text, StringComparison.Ordinal);

        // Shown once: the page read again holds no secret.
        admin.Navigate().GoToUrl(browser.Fleet.Url("/staff/enrolment"));
        Assert.DoesNotContain(secret, admin.PageSource, StringComparison.Ordinal);

        FleetInBrowser.ClickAndWaitForNextPage(admin, admin.FindElement(By.CssSelector("form[action*='handler=Disable'] button[aria-describedby='capteur-villeneuve-gare']")));
        Assert.Contains("désactivé", admin.FindElement(By.CssSelector("[role=status]")).Text, StringComparison.Ordinal);
        Assert.Contains("Désactivé", admin.FindElement(By.Id("capteur-villeneuve-gare")).FindElement(By.XPath("..")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Enrolling_a_taken_id_is_refused_with_the_reason_and_the_form_kept()
    {
        IWebDriver admin = browser.SignIn(javaScript: false);
        for (int attempt = 0; attempt < 2; attempt++)
        {
            admin.Navigate().GoToUrl(browser.Fleet.Url("/staff/enrolment"));
            admin.FindElement(By.Id("enrol-id")).SendKeys("saint-jean-ecole");
            admin.FindElement(By.Id("enrol-name")).SendKeys("École");
            admin.FindElement(By.Id("enrol-municipality")).SendKeys("Saint-Jean");
            FleetInBrowser.ClickAndWaitForNextPage(admin, admin.FindElement(By.CssSelector("form[action*='handler=Enrol'] button")));
        }

        Assert.Contains("Un nœud est déjà enrôlé sous l'identifiant « saint-jean-ecole »", admin.FindElement(By.CssSelector("[role=alert]")).Text, StringComparison.Ordinal);
        Assert.Empty(admin.FindElements(By.Id("secret")));
    }

    [Fact]
    public void The_enrolment_page_has_no_axe_violation()
    {
        browser.SignIn();
        browser.Open("/staff/enrolment");

        browser.AssertNoAxeViolations();
    }
}

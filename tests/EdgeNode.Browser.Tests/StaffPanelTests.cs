using OpenQA.Selenium;

namespace EdgeNode.Browser.Tests;

/// <summary>The staff panel in a real browser: sign-in, the layout, accessibility.</summary>
[Collection(FleetInBrowserCollection.Name)]
public sealed class StaffPanelTests(FleetInBrowser browser)
{
    [Fact]
    public void An_admin_signs_in_through_the_form_and_sees_the_staff_layout()
    {
        browser.SignIn();
        IWebDriver driver = browser.Open("/staff/users");

        IWebElement navigation = driver.FindElement(By.CssSelector("header nav"));
        Assert.Equal("fr", driver.FindElement(By.TagName("html")).GetAttribute("lang"));
        Assert.Equal(["Vue d'ensemble", "Alertes", "Enrôlement", "Utilisateurs", "Journal d'audit"], navigation.FindElements(By.TagName("a")).Select(link => link.Text));
        Assert.Equal("page", navigation.FindElement(By.LinkText("Utilisateurs")).GetAttribute("aria-current"));
        Assert.Contains("admin (Administrateur)", driver.FindElement(By.CssSelector("header")).Text, StringComparison.Ordinal);
        Assert.Equal("Utilisateurs de l'espace agents", driver.FindElement(By.TagName("h1")).Text);
    }

    [Fact]
    public void The_login_page_has_no_axe_violation()
    {
        browser.SignOut();
        browser.Open("/staff/login");

        browser.AssertNoAxeViolations();
    }

    [Fact]
    public void The_login_page_with_an_error_has_no_axe_violation()
    {
        browser.SignOut();
        IWebDriver driver = browser.Open("/staff/login");
        driver.FindElement(By.Id("UserName")).SendKeys("nobody");
        driver.FindElement(By.Id("Password")).SendKeys("wrong");
        FleetInBrowser.ClickAndWaitForNextPage(driver, driver.FindElement(By.CssSelector("main form button[type=submit]")));

        Assert.Contains("incorrect", driver.FindElement(By.CssSelector("[role=alert]")).Text, StringComparison.Ordinal);
        browser.AssertNoAxeViolations();
    }

    [Fact]
    public void The_users_page_has_no_axe_violation()
    {
        browser.SignIn();
        browser.Open("/staff/users");

        browser.AssertNoAxeViolations();
    }

    [Fact]
    public void The_audit_page_has_no_axe_violation()
    {
        browser.SignIn();
        browser.Open("/staff/audit");

        browser.AssertNoAxeViolations();
    }

    [Fact]
    public void The_account_page_has_no_axe_violation()
    {
        browser.SignIn();
        browser.Open("/staff/account");

        browser.AssertNoAxeViolations();
    }

    [Fact]
    public void An_admin_creates_a_user_without_javascript_and_that_user_signs_in()
    {
        IWebDriver admin = browser.SignIn(javaScript: false);
        admin.Navigate().GoToUrl(browser.Fleet.Url("/staff/users"));
        admin.FindElement(By.Id("nouveau-nom")).SendKeys("claire");
        admin.FindElement(By.CssSelector("#nouveau-role option[value=technician]")).Click();
        admin.FindElement(By.Id("nouveau-mot-de-passe")).SendKeys("claire's password");
        FleetInBrowser.ClickAndWaitForNextPage(admin, admin.FindElement(By.CssSelector("form[action*='handler=Create'] button")));

        Assert.Contains("Utilisateur « claire » créé", admin.FindElement(By.CssSelector("[role=status]")).Text, StringComparison.Ordinal);
        browser.SignIn("claire", "claire's password");
        IWebDriver claire = browser.Open("/staff/audit");
        Assert.Contains("claire (Technicien)", claire.FindElement(By.CssSelector("header")).Text, StringComparison.Ordinal);
    }
}

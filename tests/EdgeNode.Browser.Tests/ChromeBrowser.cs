using EdgeNode.TestSupport;
using OpenQA.Selenium.Chrome;

namespace EdgeNode.Browser.Tests;

/// <summary>Debian's chromium, headless, through Debian's chromedriver: nothing downloaded, a fresh profile each time.</summary>
public static class ChromeBrowser
{
    public const string Binary = "/usr/bin/chromium";
    public const string Driver = "/usr/bin/chromedriver";

    /// <param name="javaScript">False to see a page as a visitor without JavaScript does.</param>
    /// <param name="profile">A fresh, empty directory for the browser's profile (deleted by the caller).</param>
    public static ChromeDriver Start(bool javaScript, TemporaryDirectory profile)
    {
        foreach (string file in new[] { Binary, Driver })
        {
            if (!File.Exists(file))
            {
                throw new InvalidOperationException($"{file} is missing: apt-get install -y chromium chromium-driver");
            }
        }

        var options = new ChromeOptions { BinaryLocation = Binary };
        options.AddArguments(
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run", "--disable-dev-shm-usage", "--window-size=1280,900", "--lang=fr-FR",
            $"--user-data-dir={profile.Path}");
        if (!javaScript)
        {
            options.AddUserProfilePreference("profile.managed_default_content_settings.javascript", 2);
        }

        ChromeDriverService service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(Driver)!, Path.GetFileName(Driver));
        service.SuppressInitialDiagnosticInformation = true;
        service.HideCommandPromptWindow = true;
        var driver = new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
        driver.Manage().Timeouts().PageLoad = TimeSpan.FromSeconds(30);
        driver.Manage().Timeouts().AsynchronousJavaScript = TimeSpan.FromSeconds(30);
        if (javaScript)
        {
            CspViolations.RecordInEveryPage(driver);
        }

        return driver;
    }
}

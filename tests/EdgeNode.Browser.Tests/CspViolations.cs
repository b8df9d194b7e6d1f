using System.Collections.ObjectModel;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;

namespace EdgeNode.Browser.Tests;

/// <summary>
/// The Content-Security-Policy violations of the page a browser shows, as the page itself hears them: a
/// <c>securitypolicyviolation</c> listener that chromium adds to every new document before the document's own markup
/// and scripts run (DevTools' Page.addScriptToEvaluateOnNewDocument), so a blocked inline style in the head is heard too.
/// </summary>
public static class CspViolations
{
    private const string Recorder = """
        window.__edgenodeCspViolations = [];
        document.addEventListener('securitypolicyviolation', function (event) {
          window.__edgenodeCspViolations.push(event.effectiveDirective + ' refused ' + (event.blockedURI || '(inline)')
            + ' in ' + (event.sourceFile || event.documentURI) + ':' + event.lineNumber);
        });
        """;

    /// <summary>From now on, every page this browser opens records its violations.</summary>
    public static void RecordInEveryPage(ChromeDriver driver) =>
        driver.ExecuteCdpCommand("Page.addScriptToEvaluateOnNewDocument", new Dictionary<string, object?> { ["source"] = Recorder });

    /// <summary>
    /// The violations the current page has reported so far, after letting queued reports arrive (the browser
    /// dispatches them as tasks, after the statement that caused them).
    /// </summary>
    /// <exception cref="InvalidOperationException">The page has no recorder: an empty list would prove nothing.</exception>
    public static IReadOnlyList<string> In(IWebDriver driver)
    {
        object? found = ((IJavaScriptExecutor)driver).ExecuteAsyncScript(
            """
            const done = arguments[arguments.length - 1];
            setTimeout(() => done(window.__edgenodeCspViolations === undefined ? null : window.__edgenodeCspViolations), 250);
            """);
        return found is ReadOnlyCollection<object> list
            ? [.. list.Select(item => item?.ToString() ?? "")]
            : throw new InvalidOperationException($"{driver.Url} has no CSP violation recorder: was the browser started by ChromeBrowser.Start with JavaScript?");
    }

    /// <summary>
    /// Tries what the policy must refuse (an inline script and a style attribute added to the page) and returns what
    /// was reported: proof that the policy is on and that <see cref="In"/> hears a violation.
    /// </summary>
    public static (IReadOnlyList<string> Reported, bool InlineScriptRan) TryInlineCode(IWebDriver driver)
    {
        var javaScript = (IJavaScriptExecutor)driver;
        javaScript.ExecuteScript(
            """
            const script = document.createElement('script');
            script.textContent = 'window.__edgenodeInlineRan = true;';
            document.body.appendChild(script);
            document.body.setAttribute('style', 'outline: 5px solid red');
            """);
        IReadOnlyList<string> reported = In(driver);
        return (reported, javaScript.ExecuteScript("return window.__edgenodeInlineRan === true;") is true);
    }
}

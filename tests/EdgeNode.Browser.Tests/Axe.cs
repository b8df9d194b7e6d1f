using System.Text.Json;
using OpenQA.Selenium;

namespace EdgeNode.Browser.Tests;

/// <summary>
/// Runs axe-core (from npm, copied next to the tests by the project file) in the page the driver shows, with the WCAG
/// 2.0 and 2.1 A and AA rules.
/// </summary>
public static class Axe
{
    public static readonly string[] Tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

    private static readonly Lazy<string> Script = new(() =>
    {
        string file = Path.Combine(AppContext.BaseDirectory, "axe.min.js");
        return File.Exists(file)
            ? File.ReadAllText(file)
            : throw new FileNotFoundException($"{file} is missing: build tests/EdgeNode.Browser.Tests (it runs npm ci there and copies axe-core).", file);
    });

    public static IReadOnlyList<AxeViolation> Run(IWebDriver driver)
    {
        var javaScript = (IJavaScriptExecutor)driver;
        javaScript.ExecuteScript(Script.Value);
        string json = javaScript.ExecuteAsyncScript(
            """
            const done = arguments[arguments.length - 1];
            axe.run(document, { runOnly: { type: 'tag', values: TAGS }, resultTypes: ['violations'] })
               .then(result => done(JSON.stringify(result.violations)))
               .catch(error => done(JSON.stringify({ error: String(error) })));
            """.Replace("TAGS", JsonSerializer.Serialize(Tags), StringComparison.Ordinal)) as string ?? throw new InvalidOperationException("axe-core returned nothing from the page.");
        using JsonDocument document = JsonDocument.Parse(json);
        if (document.RootElement.ValueKind == JsonValueKind.Object)
        {
            throw new InvalidOperationException("axe-core failed in the page: " + document.RootElement.GetProperty("error").GetString());
        }

        return [.. document.RootElement.EnumerateArray().Select(violation => new AxeViolation(
            violation.GetProperty("id").GetString()!,
            violation.TryGetProperty("impact", out JsonElement impact) && impact.ValueKind == JsonValueKind.String ? impact.GetString()! : "",
            violation.GetProperty("help").GetString()!,
            violation.GetProperty("helpUrl").GetString()!,
            [.. violation.GetProperty("nodes").EnumerateArray().Select(node => (
                string.Join(" ", node.GetProperty("target").EnumerateArray().Select(target => target.ToString())),
                node.GetProperty("html").GetString() ?? "",
                node.TryGetProperty("failureSummary", out JsonElement summary) ? summary.GetString() ?? "" : ""))]))];
    }
}

using System.Text.RegularExpressions;

namespace EdgeNode.Fleet.Tests.WebSecurity;

/// <summary>What every response must carry (WebSecurity/SecurityHeaders.cs), and what a page must not contain for its CSP to hold.</summary>
internal static partial class SecurityHeadersAssert
{
    public const string OsmTiles = "https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png";

    /// <param name="imageSources">The img-src the policy must have, e.g. "'self' data: https://*.tile.openstreetmap.org".</param>
    public static void Carries(HttpResponseMessage response, string imageSources)
    {
        string where = $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.PathAndQuery} ({(int)response.StatusCode})";
        string policy = Single(response, "Content-Security-Policy", where);
        Dictionary<string, string> directives = policy.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(directive => directive.Split(' ', 2))
            .ToDictionary(parts => parts[0], parts => parts.Length > 1 ? parts[1] : "", StringComparer.Ordinal);
        string Effective(string directive) => directives.TryGetValue(directive, out string? value) ? value : directives["default-src"];

        Assert.True(directives.ContainsKey("default-src"), $"{where}: no default-src in {policy}");
        Assert.Equal("'self'", directives["default-src"]);
        Assert.Equal("'self'", Effective("script-src"));
        Assert.Equal("'self'", Effective("style-src"));
        Assert.Equal(imageSources, directives.GetValueOrDefault("img-src"));
        Assert.Equal("'none'", directives.GetValueOrDefault("frame-ancestors"));
        Assert.Equal("'self'", directives.GetValueOrDefault("form-action"));
        Assert.Equal("'self'", directives.GetValueOrDefault("base-uri"));
        Assert.DoesNotContain("unsafe", policy, StringComparison.Ordinal);
        Assert.Equal("nosniff", Single(response, "X-Content-Type-Options", where));
        Assert.Equal("DENY", Single(response, "X-Frame-Options", where));
        Assert.Equal("strict-origin-when-cross-origin", Single(response, "Referrer-Policy", where));
        string[] permissions = Single(response, "Permissions-Policy", where).Split(',', StringSplitOptions.TrimEntries);
        Assert.Superset(new HashSet<string>(["camera=()", "microphone=()", "geolocation=()"], StringComparer.Ordinal), new HashSet<string>(permissions, StringComparer.Ordinal));
    }

    /// <summary>No inline script (JSON data blocks aside), no style element or attribute, no event-handler attribute, no javascript: URL.</summary>
    public static void HasNoInlineCode(string html, string page)
    {
        foreach (Regex forbidden in new[] { InlineScript(), StyleElement(), StyleAttribute(), EventHandler(), JavaScriptUrl() })
        {
            Match found = forbidden.Match(html);
            Assert.False(found.Success, $"{page} has {found.Value} at {found.Index}: the Content-Security-Policy blocks it.");
        }
    }

    private static string Single(HttpResponseMessage response, string name, string where)
    {
        IEnumerable<string>? values = response.Headers.TryGetValues(name, out IEnumerable<string>? found) ? found
            : response.Content.Headers.TryGetValues(name, out found) ? found : null;
        Assert.True(values is not null, $"{where} has no {name} header");
        return Assert.Single(values);
    }

    [GeneratedRegex("<script(?![^>]*\\ssrc=)(?![^>]*type=\"application/json\")[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    [GeneratedRegex("<style", RegexOptions.IgnoreCase)]
    private static partial Regex StyleElement();

    [GeneratedRegex("<[^>]+\\sstyle\\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex StyleAttribute();

    [GeneratedRegex("<[^>]+\\son[a-z]+\\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex EventHandler();

    [GeneratedRegex("javascript:", RegexOptions.IgnoreCase)]
    private static partial Regex JavaScriptUrl();
}

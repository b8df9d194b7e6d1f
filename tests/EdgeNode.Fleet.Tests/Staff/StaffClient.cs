using System.Net;
using System.Text.RegularExpressions;

namespace EdgeNode.Fleet.Tests.Staff;

/// <summary>An HTTP client that behaves like a browser on the staff panel: cookies, forms with their antiforgery token.</summary>
internal sealed partial class StaffClient(HttpClient http) : IDisposable
{
    public HttpClient Http => http;

    public Task<HttpResponseMessage> GetAsync(string path) => http.GetAsync(new Uri(path, UriKind.Relative));

    public async Task<string> GetPageAsync(string path)
    {
        using HttpResponseMessage response = await GetAsync(path);
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path} answered {(int)response.StatusCode}: {body}");
        return WebUtility.HtmlDecode(body);
    }

    public async Task<HttpResponseMessage> SignInAsync(string userName, string password) =>
        await PostFormAsync("/staff/login", ("UserName", userName), ("Password", password));

    /// <summary>
    /// Posts a form with a valid antiforgery token, taken from the login page (a token is tied to the user and the
    /// antiforgery cookie, not to a page, and the login page is the one page every visitor may read).
    /// </summary>
    public async Task<HttpResponseMessage> PostFormAsync(string path, params (string Name, string Value)[] fields) =>
        await PostFormWithoutTokenAsync(path, [.. fields, ("__RequestVerificationToken", await TokenAsync())]);

    public Task<HttpResponseMessage> PostFormWithoutTokenAsync(string path, params (string Name, string Value)[] fields) =>
        http.PostAsync(new Uri(path, UriKind.Relative), new FormUrlEncodedContent(fields.Select(field => KeyValuePair.Create(field.Name, field.Value))));

    /// <summary>A token for the current user: from the login page when anonymous, else from a staff page's sign-out form.</summary>
    public async Task<string> TokenAsync()
    {
        using HttpResponseMessage login = await GetAsync("/staff/login");
        string body = login.StatusCode == HttpStatusCode.OK
            ? await login.Content.ReadAsStringAsync()
            : await GetPageAsync("/staff/audit");
        Match token = Token().Match(body);
        Assert.True(token.Success, "No antiforgery token in the page:\n" + body);
        return token.Groups[1].Value;
    }

    /// <summary>The page's text with character references decoded (Razor writes ' as &amp;#x27;).</summary>
    public static async Task<string> TextAsync(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    public void Dispose() => http.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}

using Microsoft.Net.Http.Headers;

namespace EdgeNode.Fleet.Localisation;

/// <summary>
/// Which language a public page speaks: the address's <c>?lang=</c> if it names one (a link shared in English stays
/// English), else the switch's cookie if the visitor used it, else the first of French or English in Accept-Language
/// by preference, else French.
/// </summary>
public static class PublicLanguage
{
    public const string CookieName = "edgenode-langue";

    /// <summary>The query parameter that chooses a language: <c>/?lang=en</c>.</summary>
    public const string QueryName = "lang";

    public static PublicText For(HttpContext context) =>
        context.Items.TryGetValue(typeof(PublicText), out object? chosen) && chosen is PublicText text
            ? text
            : (PublicText)(context.Items[typeof(PublicText)] = Choose(context.Request));

    public static PublicText? ByCode(string? code) => code?.Trim().ToLowerInvariant() switch
    {
        "fr" => PublicText.French,
        "en" => PublicText.English,
        _ => null,
    };

    /// <summary>Keeps the visitor's choice for the next pages: the switch's, or the address's <c>?lang=</c>.</summary>
    public static void Remember(HttpContext context, PublicText text) =>
        context.Response.Cookies.Append(CookieName, text.Code, new CookieOptions
        {
            MaxAge = TimeSpan.FromDays(365),
            HttpOnly = true,
            IsEssential = true,
            SameSite = Microsoft.AspNetCore.Http.SameSiteMode.Lax,
            Secure = context.Request.IsHttps,
            Path = "/",
        });

    /// <summary>The language the address asks for with <c>?lang=</c>, or null when it names none the pages speak.</summary>
    public static PublicText? FromAddress(HttpRequest request) => ByCode(request.Query[QueryName].FirstOrDefault());

    /// <summary>
    /// The page's path and query without <c>?lang=</c>: where the language switch returns to, so that the address's
    /// choice does not override the switch's.
    /// </summary>
    public static string ReturnPath(HttpRequest request) =>
        request.Path + QueryString.Create(request.Query.Where(p => !string.Equals(p.Key, QueryName, StringComparison.OrdinalIgnoreCase)));

    private static PublicText Choose(HttpRequest request)
    {
        if (FromAddress(request) is { } fromAddress)
        {
            return fromAddress;
        }
        if (ByCode(request.Cookies[CookieName]) is { } fromCookie)
        {
            return fromCookie;
        }
        if (StringWithQualityHeaderValue.TryParseList(request.Headers.AcceptLanguage, out IList<StringWithQualityHeaderValue>? languages))
        {
            foreach (StringWithQualityHeaderValue language in languages.Where(l => (l.Quality ?? 1) > 0).OrderByDescending(l => l.Quality ?? 1))
            {
                // "en-GB" is English; "*" says nothing about which.
                string primary = language.Value.Value?.Split('-')[0] ?? "";
                if (ByCode(primary) is { } fromHeader)
                {
                    return fromHeader;
                }
            }
        }
        return PublicText.French;
    }
}

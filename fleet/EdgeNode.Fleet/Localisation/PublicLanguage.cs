using Microsoft.Net.Http.Headers;

namespace EdgeNode.Fleet.Localisation;

/// <summary>
/// Which language a public page speaks: the switch's cookie if the visitor used it, else the first of French or
/// English in Accept-Language by preference, else French.
/// </summary>
public static class PublicLanguage
{
    public const string CookieName = "edgenode-langue";

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

    private static PublicText Choose(HttpRequest request)
    {
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

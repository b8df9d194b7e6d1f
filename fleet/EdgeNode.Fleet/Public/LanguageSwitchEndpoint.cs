using EdgeNode.Fleet.Localisation;

namespace EdgeNode.Fleet.Public;

/// <summary>
/// The visible language switch: a plain link (no JavaScript, no form) to /langue/en?retour=/commune/x sets the
/// cookie and sends the visitor back to the page they were on.
/// </summary>
public static class LanguageSwitchEndpoint
{
    public static RouteHandlerBuilder MapLanguageSwitch(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/langue/{code}", (string code, string? retour, HttpContext context) =>
            {
                if (PublicLanguage.ByCode(code) is not { } text)
                {
                    return Results.NotFound();
                }
                PublicLanguage.Remember(context, text);
                return Results.Redirect(IsLocal(retour) ? retour! : "/");
            })
            .ExcludeFromDescription();

    // Only a path on this site: an open redirect would let anyone dress a link to elsewhere as ours.
    private static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));
}

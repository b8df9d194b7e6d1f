using EdgeNode.Fleet.Localisation;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Net.Http.Headers;

namespace EdgeNode.Fleet.Pages.Public;

/// <summary>
/// What every public page shares: its language, kept for the next pages when the address chose it, and telling caches
/// that the answer depends on it.
/// </summary>
public abstract class PublicPageModel : PageModel
{
    public PublicText Text => PublicLanguage.For(HttpContext);

    public override void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        Response.Headers.Append(HeaderNames.Vary, "Accept-Language, Cookie");
        Response.Headers.ContentLanguage = Text.Code;
        if (PublicLanguage.FromAddress(Request) is { } chosen)
        {
            PublicLanguage.Remember(HttpContext, chosen);
        }
    }
}

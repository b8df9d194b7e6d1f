using Microsoft.AspNetCore.Mvc;

namespace EdgeNode.Fleet.Pages.Public;

/// <summary>
/// Any address no page answers (the fallback route): a 404 page in the visitor's language with a way back home. Open
/// data and the staff panel keep their own answers: a program wants no HTML, staff no public page.
/// </summary>
public sealed class NotFoundModel : PublicPageModel
{
    private static readonly string[] NotOurs = ["/api", "/openapi", "/staff"];

    public IActionResult OnGet()
    {
        if (NotOurs.Any(prefix => Request.Path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase)))
        {
            return NotFound();
        }
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }
}

using System.Security.Claims;
using EdgeNode.Fleet.Localisation;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace EdgeNode.Fleet.Staff;

/// <summary>
/// Checks every staff cookie against the user as stored now, so that disabling a user or resetting their password ends
/// their sessions at once and a role change applies at their next request; answers a refusal with 403 and a page.
/// </summary>
internal sealed class StaffCookieEvents(IStaffUserStore users, ILogger<StaffCookieEvents> logger) : CookieAuthenticationEvents
{
    public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        string? name = context.Principal?.Identity?.Name;
        StaffUser? user = name is null ? null : await users.FindStaffUserAsync(name, context.HttpContext.RequestAborted);
        string? stamp = context.Principal?.FindFirstValue(StaffClaims.SecurityStamp);
        if (user is null || !user.Enabled || !string.Equals(stamp, user.SecurityStamp, StringComparison.Ordinal))
        {
            logger.LogInformation("Staff session of {UserName} ended: the user was disabled, removed or given a new password", name);
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(StaffClaims.AuthenticationScheme);
            return;
        }

        if (!context.Principal!.IsInRole(user.Role))
        {
            context.ReplacePrincipal(Principal(user));
            context.ShouldRenew = true;
        }
    }

    public override Task RedirectToLogin(RedirectContext<CookieAuthenticationOptions> context)
    {
        // The framework builds an absolute URL from the request's Host header, which anyone can forge (a poisoned cache
        // or a link in a spoofed e-mail would then send staff to a look-alike login page): the path is all a browser
        // needs to stay on the site it asked.
        context.Response.Redirect(PathOnly(context.RedirectUri));
        return Task.CompletedTask;
    }

    public override Task RedirectToAccessDenied(RedirectContext<CookieAuthenticationOptions> context)
    {
        // 403 where the request was made, rather than a redirect: a refused POST must not look like a success to a script.
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        context.Response.ContentType = "text/html; charset=utf-8";
        return context.Response.WriteAsync(AccessDeniedPage);
    }

    public static ClaimsPrincipal Principal(StaffUser user) => new(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.Name, user.UserName),
            new Claim(ClaimTypes.Role, user.Role),
            new Claim(StaffClaims.SecurityStamp, user.SecurityStamp),
        ],
        StaffClaims.AuthenticationScheme));

    /// <summary>The path, query and fragment of a redirect target: never another host, whatever the request said.</summary>
    internal static string PathOnly(string redirectUri) =>
        Uri.TryCreate(redirectUri, UriKind.Absolute, out Uri? absolute) && absolute.Scheme is "http" or "https"
            ? absolute.PathAndQuery + absolute.Fragment
            : redirectUri.StartsWith('/') && !redirectUri.StartsWith("//", StringComparison.Ordinal) && !redirectUri.StartsWith("/\\", StringComparison.Ordinal)
                ? redirectUri
                : FleetStaffRegistration.LoginPath;

    // The catalogue's words go in as they are: they hold no markup character.
    private static readonly string AccessDeniedPage = $"""
        <!DOCTYPE html>
        <html lang="fr">
        <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{StaffText.French.AccessDenied} — EdgeNode</title></head>
        <body>
        <main>
        <h1>{StaffText.French.AccessDenied}</h1>
        <p>{StaffText.French.RoleForbidsAction} <span lang="en">Your role does not allow this.</span></p>
        <p><a href="/staff">{StaffText.French.BackToStaffArea}</a></p>
        </main>
        </body>
        </html>
        """;
}

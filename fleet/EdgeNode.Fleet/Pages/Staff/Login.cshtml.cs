using EdgeNode.Fleet.Localisation;
using EdgeNode.Fleet.Staff;
using EdgeNode.Fleet.WebSecurity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EdgeNode.Fleet.Pages.Staff;

/// <summary>Sign-in: anonymous by convention (FleetStaffRegistration); antiforgery-checked like every POST.</summary>
public sealed class LoginModel(StaffSignIn signIn, StaffOptions options) : PageModel
{
    [BindProperty]
    public string UserName { get; set; } = "";

    [BindProperty]
    public string Password { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Problem { get; private set; }

    public IActionResult OnGet() =>
        User.Identity?.IsAuthenticated == true ? LocalRedirect(Destination()) : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        StaffSignInResult result = await signIn.SignInAsync(UserName, Password, ClientAddress.RateLimitKey(HttpContext), ct);
        Password = "";
        if (result.Outcome == StaffSignInOutcome.SignedIn)
        {
            await HttpContext.SignInAsync(StaffClaims.AuthenticationScheme, StaffCookieEvents.Principal(result.User!));
            return LocalRedirect(Destination());
        }

        // One text for every refusal, a lockout included: a different one would tell a stranger which names exist. It
        // says what a member of staff who mistyped needs to know.
        Problem = StaffText.French.SignInRefused(options.MaxFailedSignIns, options.LockoutDuration);
        return Page();
    }

    // Only back into the staff panel: a return URL elsewhere, even local, is not what signing in is for.
    private string Destination() =>
        ReturnUrl is { Length: > 0 } url && Url.IsLocalUrl(url) && url.StartsWith("/staff", StringComparison.OrdinalIgnoreCase) ? url : "/staff";
}

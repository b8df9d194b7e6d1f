using System.Globalization;
using EdgeNode.Fleet.Staff;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EdgeNode.Fleet.Pages.Staff;

/// <summary>Sign-in: anonymous by convention (FleetStaffRegistration); antiforgery-checked like every POST.</summary>
public sealed class LoginModel(StaffSignIn signIn) : PageModel
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
        StaffSignInResult result = await signIn.SignInAsync(UserName, Password, ct);
        Password = "";
        switch (result.Outcome)
        {
            case StaffSignInOutcome.SignedIn:
                await HttpContext.SignInAsync(StaffClaims.AuthenticationScheme, StaffCookieEvents.Principal(result.User!));
                return LocalRedirect(Destination());
            case StaffSignInOutcome.LockedOut:
                Problem = "Trop de mots de passe erronés : ce compte est verrouillé jusqu'à "
                    + result.LockedUntil!.Value.ToString("HH:mm 'UTC'", CultureInfo.InvariantCulture)
                    + ". Un administrateur peut le débloquer en réinitialisant le mot de passe.";
                break;
            default:
                Problem = "Nom d'utilisateur ou mot de passe incorrect.";
                break;
        }

        return Page();
    }

    // Only back into the staff panel: a return URL elsewhere, even local, is not what signing in is for.
    private string Destination() =>
        ReturnUrl is { Length: > 0 } url && Url.IsLocalUrl(url) && url.StartsWith("/staff", StringComparison.OrdinalIgnoreCase) ? url : "/staff";
}

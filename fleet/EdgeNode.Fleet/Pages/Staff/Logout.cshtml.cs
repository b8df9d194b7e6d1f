using EdgeNode.Fleet.Staff;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EdgeNode.Fleet.Pages.Staff;

/// <summary>Sign-out, by POST only (a GET shows a button), so that a link elsewhere cannot sign anyone out.</summary>
[StaffSelfService]
public sealed class LogoutModel : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await HttpContext.SignOutAsync(StaffClaims.AuthenticationScheme);
        return LocalRedirect(FleetStaffRegistration.LoginPath);
    }
}

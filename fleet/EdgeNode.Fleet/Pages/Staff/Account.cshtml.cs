using EdgeNode.Fleet.Localisation;
using EdgeNode.Fleet.Staff;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EdgeNode.Fleet.Pages.Staff;

/// <summary>Every staff user, viewers included, changes their own password here (the first admin's printed one first).</summary>
[StaffSelfService]
public sealed class AccountModel(StaffUserAdministration administration, StaffPasswords passwords) : PageModel
{
    [TempData]
    public string? Message { get; set; }

    public string? Problem { get; private set; }

    public string Role => StaffRoles.All.FirstOrDefault(User.IsInRole) ?? "";

    public int MinPasswordLength => passwords.MinLength;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(string? currentPassword, string? newPassword, CancellationToken ct)
    {
        try
        {
            StaffUser user = await administration.ChangeOwnPasswordAsync(User.Identity!.Name!, currentPassword, newPassword, ct);

            // The new security stamp ends every session of this user, this one included: issue this one a new cookie.
            await HttpContext.SignInAsync(StaffClaims.AuthenticationScheme, StaffCookieEvents.Principal(user));
            Message = StaffText.French.PasswordChanged;
            return RedirectToPage();
        }
        catch (StaffChangeRefusedException refused)
        {
            Problem = refused.Message;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
    }
}

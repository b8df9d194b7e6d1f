using EdgeNode.Fleet.Localisation;
using EdgeNode.Fleet.Monitoring;
using EdgeNode.Fleet.Staff;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EdgeNode.Fleet.Pages.Staff;

/// <summary>Admins list, create, re-role, reset and disable staff users; each change is audited by <see cref="StaffUserAdministration"/>.</summary>
[Authorize(Policy = StaffPolicies.Admin)]
public sealed class UsersModel(StaffUserAdministration administration, StaffPasswords passwords, SignInLockout lockout) : PageModel
{
    public IReadOnlyList<StaffUser> Users { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    public string? Problem { get; private set; }

    public int MinPasswordLength => passwords.MinLength;

    private string Actor => User.Identity!.Name!;

    public async Task OnGetAsync(CancellationToken ct) => Users = await administration.ListAsync(ct);

    public Task<IActionResult> OnPostCreateAsync(string? userName, string? role, string? password, CancellationToken ct) =>
        ChangeAsync(async () =>
        {
            StaffUser user = await administration.CreateAsync(Actor, userName, role, password, ct);
            return StaffText.French.UserCreated(user.UserName, StaffText.French.Role(user.Role));
        }, ct);

    public Task<IActionResult> OnPostRoleAsync(string userName, string? role, CancellationToken ct) =>
        ChangeAsync(async () =>
        {
            await administration.ChangeRoleAsync(Actor, userName, role, ct);
            return StaffText.French.RoleChanged(userName, StaffText.French.Role(role ?? ""));
        }, ct);

    public Task<IActionResult> OnPostPasswordAsync(string userName, string? password, CancellationToken ct) =>
        ChangeAsync(async () =>
        {
            await administration.ResetPasswordAsync(Actor, userName, password, ct);
            return StaffText.French.PasswordReset(userName);
        }, ct);

    public Task<IActionResult> OnPostDisableAsync(string userName, CancellationToken ct) =>
        ChangeAsync(async () =>
        {
            await administration.SetEnabledAsync(Actor, userName, enabled: false, ct);
            return StaffText.French.UserDisabled(userName);
        }, ct);

    public Task<IActionResult> OnPostEnableAsync(string userName, CancellationToken ct) =>
        ChangeAsync(async () =>
        {
            await administration.SetEnabledAsync(Actor, userName, enabled: true, ct);
            return StaffText.French.UserEnabled(userName);
        }, ct);

    public string State(StaffUser user) =>
        !user.Enabled ? StaffText.French.UserDisabledState
        : lockout.LockoutsOf(user.UserName) is { } locked ? StaffText.French.UserLockedOut(locked.Clients, StaffTime.Format(locked.Until))
        : StaffText.French.UserActive;

    /// <summary>Post, redirect, get on success; the page again with the reason, as 400, when the change was refused.</summary>
    private async Task<IActionResult> ChangeAsync(Func<Task<string>> change, CancellationToken ct)
    {
        try
        {
            Message = await change();
            return RedirectToPage();
        }
        catch (StaffChangeRefusedException refused)
        {
            Problem = refused.Message;
            Users = await administration.ListAsync(ct);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
    }
}

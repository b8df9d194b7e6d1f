namespace EdgeNode.Fleet.Staff;

/// <summary>
/// Authorization policy names for staff pages and endpoints: <c>[Authorize(Policy = StaffPolicies.Admin)]</c> on a page
/// model. Every page under Pages/Staff already requires <see cref="Staff"/>, and any request there that is not a GET or
/// HEAD requires <see cref="Technician"/> (viewers read, never change), so a page needs an attribute only to ask for more.
/// </summary>
public static class StaffPolicies
{
    /// <summary>Any signed-in staff user (admin, technician or viewer).</summary>
    public const string Staff = "Staff";

    /// <summary>A technician or an admin.</summary>
    public const string Technician = "Technician";

    /// <summary>An admin.</summary>
    public const string Admin = "Admin";

    /// <summary>Applied to the whole staff folder: safe methods for any staff user, anything else for a technician or an admin.</summary>
    internal const string ChangesNeedTechnician = "StaffChangesNeedTechnician";
}
